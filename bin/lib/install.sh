# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
# Shared install steps for bin/run and bin/test: one definition, so the two README
# commands install the project the same way. Sourced, never executed.

# Print a step header so a long CI log stays readable.
step() {
    printf '\n==> %s\n' "$*"
}

# A relative MIGRATIEKETEN_DATA_DIR means: relative to where the command was typed.
# Call before changing to the repository root.
absolute_data_dir() {
    if [ -n "${MIGRATIEKETEN_DATA_DIR:-}" ] && [ -d "$MIGRATIEKETEN_DATA_DIR" ]; then
        MIGRATIEKETEN_DATA_DIR="$(cd "$MIGRATIEKETEN_DATA_DIR" && pwd)"
        export MIGRATIEKETEN_DATA_DIR
    fi
}

# The Python toolchain: uv (pinned, as in the lock file's tooling) then the locked deps.
ensure_uv() {
    if command -v uv >/dev/null 2>&1; then
        return
    fi
    step "uv installeren (python3 -m pip install --user uv==0.13.8)"
    python3 -m pip install --user --quiet uv==0.13.8 \
        || python3 -m pip install --user --quiet --break-system-packages uv==0.13.8
    export PATH="$HOME/.local/bin:$PATH"
    command -v uv >/dev/null 2>&1 || {
        echo "uv is niet gevonden na installatie; voeg ~/.local/bin aan PATH toe." >&2
        exit 1
    }
}

install_python() {
    ensure_uv
    step "Python-pakketten (uv sync --frozen)"
    uv sync --frozen
}

# Front-end packages (NL Design System CSS). npm ci wipes node_modules, so it only
# runs again when package.json or package-lock.json changed since the last install.
install_frontend() {
    if [ ! -f package.json ]; then
        echo "Geen package.json: front-end stap overgeslagen."
        return
    fi
    command -v npm >/dev/null 2>&1 || {
        echo "npm ontbreekt: installeer Node.js en npm (Debian: apt-get install nodejs npm)." >&2
        exit 1
    }
    local stamp="node_modules/.migratieketen-install"
    local wanted
    wanted=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        step "Front-end pakketten al geïnstalleerd (npm ci overgeslagen)"
    else
        step "Front-end pakketten (npm ci)"
        npm ci --no-audit --no-fund
        echo "$wanted" >"$stamp"
    fi
    step "Front-end bouwen (npm run build)"
    npm run build
}

# WeasyPrint (the raadsrapportage PDF) needs Pango and a font from Debian. Installed
# with apt-get when missing, as root or through passwordless sudo, like Chromium.
ensure_pdf_libraries() {
    if ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' \
        && fc-list 2>/dev/null | grep -qi 'dejavu'; then
        return
    fi
    step "Systeembibliotheken voor PDF (apt-get: Pango, DejaVu-fonts)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -n"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fontconfig
}
