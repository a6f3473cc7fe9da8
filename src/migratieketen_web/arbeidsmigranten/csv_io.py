# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV import and export of housing locations and occupants: all or nothing.

Two files: locations (one row per address) and occupants (one row per person, found
by the location's address). Every row is checked with the same rules as the form and
the API; one bad row refuses the whole file, with 'Rij n, kolom c: why' (row 1 is the
header, as a spreadsheet numbers it). Messages never repeat a BSN. The export is safe
against formula injection (inburgering.csv_export.safe_cell) and holds no BSN.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from migratieketen_web.accounts.isolation import Actor, require
from migratieketen_web.accounts.roles import Right
from migratieketen_web.arbeidsmigranten import services
from migratieketen_web.arbeidsmigranten.models import Location, Occupant
from migratieketen_web.audit.models import Action
from migratieketen_web.inburgering.bsn_key import bsn_hash
from migratieketen_web.inburgering.csv_export import safe_cell
from migratieketen_web.inburgering.csv_import import ImportRejected, parse_date

LOCATION_COLUMNS: dict[str, str] = {
    "postcode": "postcode",
    "huisnummer": "huisnummer",
    "huisletter": "huisletter",
    "toevoeging": "toevoeging",
    "wijk": "wijk",
    "naam": "name",
    "soort": "type",
    "bedden": "beds",
    "gebruiksoppervlakte": "floor_area",
    "slaapkamers": "bedrooms",
    "snf_norm": "snf_regime",
    "exploitant": "operator",
    "werkgever": "employer",
    "huur_via_werk": "employer_tied",
    "snf_nummer": "snf_number",
    "snf_geldig_tot": "snf_expiry",
    "brp_inschrijvingen": "brp_registrations",
}
LOCATION_REQUIRED = ("postcode", "huisnummer", "soort", "bedden", "gebruiksoppervlakte")
OCCUPANT_COLUMNS: dict[str, str] = {
    "postcode": "postcode",
    "huisnummer": "huisnummer",
    "huisletter": "huisletter",
    "toevoeging": "toevoeging",
    "bsn": "bsn",
    "inschrijving": "registration",
    "werkgever": "employer",
    "contract_einde": "contract_end",
    "verblijf_vanaf": "stay_start",
    "verblijf_tot": "stay_end",
}
OCCUPANT_REQUIRED = ("postcode", "huisnummer", "inschrijving", "verblijf_vanaf")
MAX_ROWS = 20_000
YES = {"ja", "j", "yes", "1", "true", "waar"}


def _rows(content: bytes, columns: dict[str, str], required: tuple[str, ...]) -> Any:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(["Het bestand is geen UTF-8-tekst."]) from exc
    first = text.splitlines()[0] if text.strip() else ""
    reader = csv.DictReader(
        io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ","
    )
    header = [h.strip().lower() for h in reader.fieldnames or []]
    issues = [f"Kolom '{h}' is onbekend." for h in header if h not in columns]
    issues += [f"Kolom '{c}' ontbreekt." for c in required if c not in header]
    if not header:
        issues = ["Het bestand is leeg of heeft geen kopregel."]
    if issues:
        raise ImportRejected(issues)
    reader.fieldnames = header
    return reader


class _Row:
    """One row's cells with typed getters that collect 'Rij n, kolom c' issues."""

    def __init__(self, row: dict[str, Any], number: int, issues: list[str]) -> None:
        self.values = {k: (v or "").strip() for k, v in row.items() if k}
        self.number, self.issues, self.bad = number, issues, False

    def fail(self, column: str, why: str) -> None:
        self.issues.append(f"Rij {self.number}, kolom {column}: {why}")
        self.bad = True

    def text(self, column: str, required: bool = False) -> str:
        value = self.values.get(column, "")
        if required and not value:
            self.fail(column, "verplicht.")
        return value

    def number_of(self, column: str, kind: Callable[[str], Any], required: bool) -> Any:
        value = self.text(column, required)
        if not value:
            return None
        try:
            return kind(value.replace(",", "."))
        except (ValueError, InvalidOperation):
            self.fail(column, f"'{value}' is geen getal.")
            return None

    def day(self, column: str, required: bool = False) -> date | None:
        value = self.text(column, required)
        if not value:
            return None
        try:
            return parse_date(value)
        except ValueError as exc:
            self.fail(column, f"{exc}.")
            return None


def _location_input(gemeente: str, r: _Row) -> services.LocationInput | None:
    number = r.number_of("huisnummer", int, True)
    beds = r.number_of("bedden", int, True)
    area = r.number_of("gebruiksoppervlakte", Decimal, True)
    count = r.number_of("brp_inschrijvingen", int, False)
    rooms = []
    for part in filter(None, r.text("slaapkamers").replace(" ", "").split("|")):
        try:
            rooms.append(Decimal(part.replace(",", ".")))
        except InvalidOperation:
            r.fail(
                "slaapkamers", "gebruik m² per slaapkamer gescheiden door |, bv. 7|7,5."
            )
            break
    expiry = r.day("snf_geldig_tot")
    r.text("postcode", True), r.text("soort", True)
    if r.bad:
        return None
    return services.LocationInput(
        gemeente=gemeente,
        postcode=r.text("postcode"),
        huisnummer=number,
        type=r.text("soort").lower(),
        beds=beds,
        floor_area=area,
        huisletter=r.text("huisletter"),
        toevoeging=r.text("toevoeging"),
        wijk=r.text("wijk").upper(),
        name=r.text("naam"),
        bedrooms=tuple(rooms),
        snf_regime=(r.text("snf_norm") or "bewoning").lower(),
        operator=r.text("exploitant"),
        employer=r.text("werkgever"),
        employer_tied=r.text("huur_via_werk").lower() in YES,
        snf_number=r.text("snf_nummer"),
        snf_expiry=expiry,
        brp_registrations=count,
    )


def _issues_of(exc: services.RegisterError, r: _Row, columns: dict[str, str]) -> None:
    by_field = {v: k for k, v in columns.items()}
    for name, messages in exc.errors.items():
        for message in messages:
            r.fail(by_field.get(name, name), message)


@services.refuse_unreadable_csv(lambda m: ImportRejected([m]))
def parse_locations(content: bytes, gemeente: str) -> list[services.LocationInput]:
    reader = _rows(content, LOCATION_COLUMNS, LOCATION_REQUIRED)
    inputs: list[services.LocationInput] = []
    issues: list[str] = []
    seen: dict[tuple[str, int, str, str], int] = {}
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            raise ImportRejected([f"Meer dan {MAX_ROWS} regels; splits het bestand."])
        r = _Row(row, number, issues)
        if None in row:
            r.fail("-", "meer waarden dan kolommen.")
            continue
        data = _location_input(gemeente, r)
        if data is None:
            continue
        try:
            services.validate_location(data)
        except services.RegisterError as exc:
            _issues_of(exc, r, LOCATION_COLUMNS)
            continue
        key = (
            data.postcode.upper().replace(" ", ""),
            data.huisnummer,
            data.huisletter.upper(),
            data.toevoeging.upper(),
        )
        if key in seen:
            r.fail("postcode", f"zelfde adres als rij {seen[key]}.")
        seen[key] = number
        inputs.append(data)
    if issues:
        raise ImportRejected(issues)
    if not inputs:
        raise ImportRejected(["Het bestand bevat geen gegevensregels."])
    return inputs


def import_locations(
    actor: Actor, gemeente: str, content: bytes, user: Any
) -> list[Location]:
    """Every row stored (without BAG check: a bulk file) in one transaction, or none."""
    require(actor, Right.PERSONAL_WRITE, gemeente)
    inputs = parse_locations(content, gemeente)
    with transaction.atomic():
        return [
            services.save_location(actor, d, user, check_address=False)[0]
            for d in inputs
        ]


def _address_key(r: _Row) -> tuple[str, int, str, str] | None:
    number = r.number_of("huisnummer", int, True)
    postcode = r.text("postcode", True).upper().replace(" ", "")
    if number is None or not postcode:
        return None
    return postcode, number, r.text("huisletter").upper(), r.text("toevoeging").upper()


@services.refuse_unreadable_csv(lambda m: ImportRejected([m]))
def parse_occupants(
    actor: Actor, content: bytes, gemeente: str
) -> list[tuple[Location, services.OccupantInput]]:
    reader = _rows(content, OCCUPANT_COLUMNS, OCCUPANT_REQUIRED)
    places = {
        (loc.postcode, loc.huisnummer, loc.huisletter, loc.toevoeging): loc
        for loc in services.visible(actor).filter(gemeente__code=gemeente)
    }
    result, issues = [], list[str]()
    for number, row in enumerate(reader, start=2):
        r = _Row(row, number, issues)
        key = _address_key(r)
        location = places.get(key) if key else None
        if key and location is None:
            r.fail(
                "postcode",
                "geen locatie met dit adres in het register van deze gemeente.",
            )
        data = services.OccupantInput(
            registration=r.text("inschrijving", True).lower(),
            stay_start=r.day("verblijf_vanaf", True) or date.min,
            bsn=r.text("bsn"),
            employer=r.text("werkgever"),
            contract_end=r.day("contract_einde"),
            stay_end=r.day("verblijf_tot"),
        )
        if r.bad:
            continue
        try:
            services.validate_occupant(data)
        except services.RegisterError as exc:
            _issues_of(exc, r, OCCUPANT_COLUMNS)
            continue
        if location is not None:
            result.append((location, data))
    if issues:
        raise ImportRejected(issues)
    if not result:
        raise ImportRejected(["Het bestand bevat geen gegevensregels."])
    return result


def import_occupants(actor: Actor, gemeente: str, content: bytes) -> list[Occupant]:
    require(actor, Right.PERSONAL_WRITE, gemeente)
    rows = parse_occupants(actor, content, gemeente)
    occupants = [
        Occupant(
            location=loc,
            bsn_hash=bsn_hash(d.bsn) if d.bsn.strip() else "",
            registration=d.registration,
            employer=d.employer.strip(),
            contract_end=d.contract_end,
            stay_start=d.stay_start,
            stay_end=d.stay_end,
        )
        for loc, d in rows
    ]
    with transaction.atomic():
        for o in occupants:
            o.save(force_insert=True)
        services.audit_occupants(actor, Action.IMPORT, occupants)
    return occupants


EXPORT_HEADER = [
    "uuid", "gemeente", "wijk", "adres", "postcode", "huisnummer", "huisletter",
    "toevoeging", "bag", "soort", "bedden", "gebruiksoppervlakte", "slaapkamers",
    "maximaal_bedden", "exploitant", "werkgever", "huur_via_werk", "snf_nummer",
    "snf_geldig_tot", "brp_inschrijvingen", "bewoners_aanwezig", "signalen",
]  # fmt: skip


def export_locations(actor: Actor) -> str:
    """Every location the actor may read with its signals, as CSV; logged as export."""
    locations = list(
        services.visible(actor).order_by("gemeente__code", "postcode", "pk")
    )
    views = services.views_for(
        actor, locations, Right.PERSONAL_READ, timezone.localdate()
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for v in views:
        loc = v.location
        row = [
            loc.uuid, loc.gemeente.code, loc.wijk.code if loc.wijk else "", loc.address,
            loc.postcode, loc.huisnummer, loc.huisletter, loc.toevoeging, loc.bag_status,
            loc.type, loc.beds, loc.floor_area, "|".join(str(b) for b in v.bedrooms),
            v.max_beds, loc.operator, loc.employer, "ja" if loc.employer_tied else "nee",
            loc.snf_number, loc.snf_expiry or "", loc.brp_registrations, v.present,
            ", ".join(s.label for s in v.signals),
        ]  # fmt: skip
        writer.writerow([safe_cell(c) for c in row])
    with transaction.atomic():
        services.log_list(actor, locations, Action.EXPORT)
    return "\ufeff" + buffer.getvalue()
