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
# uv is looked for once: on PATH, then in the user scheme's bin folder (where
# `pip install --user` puts it, usually ~/.local/bin, often not on PATH); only when
# neither has it is it installed, so a second run never reinstalls.
UV_VERSION=0.13.8
ensure_uv() {
    if command -v uv >/dev/null 2>&1; then
        return
    fi
    local user_bin
    # (`python3 -m site --user-base` prints it too, but exits 1 inside a virtualenv)
    user_bin="$(python3 -c 'import site; print(site.getuserbase())')/bin"
    if [ ! -x "$user_bin/uv" ]; then
        step "uv installeren (python3 -m pip install --user uv==$UV_VERSION)"
        python3 -m pip install --user --quiet "uv==$UV_VERSION" \
            || python3 -m pip install --user --quiet --break-system-packages \
                "uv==$UV_VERSION"
    fi
    [ -x "$user_bin/uv" ] || {
        echo "uv is niet gevonden in $user_bin na installatie." >&2
        exit 1
    }
    export PATH="$user_bin:$PATH"
    add_to_shell_path "$user_bin"
}

# A new shell must find uv too, or the README's `uv run migratieketen ...` fails with
# "uv: command not found". Like uv's and rustup's own installers, add the folder to
# PATH in ~/.profile (login shells) and ~/.bashrc (new terminals), once, in a marked
# block. MIGRATIEKETEN_NO_MODIFY_PATH=1 leaves the files alone and only says what to do.
PATH_MARKER="# added by Migratieketen bin/run: uv in PATH"
add_to_shell_path() {
    local dir="$1" line file changed=""
    line="case \":\$PATH:\" in *\":$dir:\"*) ;; *) export PATH=\"$dir:\$PATH\" ;; esac"
    if [ "${MIGRATIEKETEN_NO_MODIFY_PATH:-}" = 1 ]; then
        echo "uv staat in $dir, dat niet in PATH staat. Voeg toe aan je shellprofiel:" >&2
        echo "  export PATH=\"$dir:\$PATH\"" >&2
        return
    fi
    for file in "$HOME/.profile" "$HOME/.bashrc"; do
        if ! grep -qsF "$PATH_MARKER" "$file"; then
            printf '\n%s\n%s\n' "$PATH_MARKER" "$line" >>"$file"
            changed="$changed $file"
        fi
    done
    if [ -n "$changed" ]; then
        echo "uv staat in $dir; die map is aan PATH toegevoegd in:$changed." >&2
        echo "Open een nieuwe shell, of in deze shell: export PATH=\"$dir:\$PATH\"" >&2
    fi
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
