# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The labour-migrant housing register's operations; the only module that calls the core.

As in the inburgering register: every read and write takes an `Actor`, goes through
`Model.objects.for_actor` and writes an audit line in the same transaction as a write.
The signals come from `migratieketen.rules.arbeidsmigranten` (norms, Wet BRP); the
address check from `migratieketen.data.bag_adres` (PDOK Locatieserver).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from migratieketen.bsn import BsnError, normalise_bsn
from migratieketen.data import bag_adres
from migratieketen.data.csv_guard import refuse_unreadable_csv
from migratieketen.rules import arbeidsmigranten as am
from migratieketen.rules import huisvestingsnormen as hn
from migratieketen.rules import wet_brp
from migratieketen.rules.arbeidsmigranten import SignalKind
from migratieketen.rules.huisvestingsnormen import LocationType, SnfRegime
from migratieketen_web.accounts.isolation import Actor, require
from migratieketen_web.accounts.registers import RegisterError, list_organisation
from migratieketen_web.accounts.roles import Right
from migratieketen_web.arbeidsmigranten.models import (
    Bedroom,
    Inspection,
    LocalNorm,
    Location,
    Occupant,
)
from migratieketen_web.audit.models import Action, Status
from migratieketen_web.audit.purposes import ARBEIDSMIGRANTEN
from migratieketen_web.audit.recorder import record
from migratieketen_web.gemeenten.models import Gemeente, Wijk
from migratieketen_web.inburgering.bsn_key import bsn_hash

# Core names the app's other modules use (imported from here, never from the core;
# docs/adr/0008-one-domain-template.md).
__all__ = ["LocationType", "SignalKind", "SnfRegime", "refuse_unreadable_csv"]

LOCATION = "arbeidsmigranten.locatie"
OCCUPANT = "arbeidsmigranten.bewoner"
SIGNAL_NAMES = {k.value: label for k, label in am.SIGNAL_LABELS.items()}
TYPE_NAMES = {t.value: label for t, label in hn.TYPE_LABELS.items()}


def _audit(
    actor: Actor,
    action: Action,
    object_type: str,
    records: Iterable[tuple[int, str]],
    organisation: str = "",
    status: Status = Status.OK,
) -> None:
    record(
        actor,
        action,
        ARBEIDSMIGRANTEN,
        object_type,
        list(records),
        organisation=organisation,
        status=status,
    )


def _locations(locations: Iterable[Location]) -> list[tuple[int, str]]:
    return [(loc.pk, loc.gemeente.code) for loc in locations]


# --- input and validation ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LocationInput:
    """One location as entered (form, API or CSV row), before validation."""

    gemeente: str
    postcode: str
    huisnummer: int
    type: str
    beds: int
    floor_area: Decimal
    huisletter: str = ""
    toevoeging: str = ""
    wijk: str = ""
    name: str = ""
    street: str = ""
    place: str = ""
    bedrooms: tuple[Decimal, ...] = ()
    snf_regime: str = "bewoning"
    new_location: bool = False
    sharing_consent: bool = False
    operator: str = ""
    employer: str = ""
    employer_tied: bool = False
    snf_number: str = ""
    snf_expiry: date | None = None
    permits: str = ""
    brp_registrations: int | None = None


def _check_numbers(data: LocationInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.beds < 0:
        errors["beds"] = ["Het aantal bedden kan niet negatief zijn."]
    if data.floor_area <= 0:
        errors["floor_area"] = ["De gebruiksoppervlakte moet groter dan 0 m² zijn."]
    if any(b <= 0 for b in data.bedrooms):
        errors["bedrooms"] = ["Elke slaapkamer heeft een oppervlakte boven 0 m²."]
    elif sum(data.bedrooms, Decimal(0)) > data.floor_area:
        errors["bedrooms"] = [
            "De slaapkamers samen zijn groter dan de gebruiksoppervlakte."
        ]
    if data.brp_registrations is not None and data.brp_registrations < 0:
        errors["brp_registrations"] = ["Het aantal kan niet negatief zijn."]
    return errors


def validate_location(data: LocationInput) -> None:
    """Raise RegisterError with every problem at once, in Dutch, field by field."""
    errors = _check_numbers(data)
    if data.type not in {t.value for t in hn.LocationType}:
        errors["type"] = [
            "Kies woning, logiesgebouw, recreatiepark, hotel_pension of short_stay."
        ]
    if data.snf_regime not in {r.value for r in hn.SnfRegime}:
        errors["snf_regime"] = ["Kies bewoning of logies."]
    try:
        bag_adres.normalise_postcode(data.postcode)
    except bag_adres.BagError as exc:
        errors["postcode"] = [str(exc)]
    if data.huisnummer < 1:
        errors["huisnummer"] = ["Vul een huisnummer van 1 of hoger in."]
    if (
        data.wijk
        and not Wijk.objects.filter(
            code=data.wijk, gemeente__code=data.gemeente
        ).exists()
    ):
        errors["wijk"] = [
            f"Wijk {data.wijk} is onbekend of ligt niet in gemeente {data.gemeente}."
        ]
    if errors:
        raise RegisterError(errors)


# --- the BAG -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BagResult:
    status: str  # gecontroleerd / niet_gecontroleerd
    notice: str
    address: bag_adres.BagAddress | None = None


def check_bag(data: LocationInput) -> BagResult:
    """Look the address up in the BAG; offline is a notice, a wrong address an error."""
    base = getattr(settings, "MIGRATIEKETEN_PDOK_LOCATIESERVER_URL", "")
    if not base:
        return BagResult(
            "niet_gecontroleerd",
            "De BAG-controle staat uit (MIGRATIEKETEN_PDOK_LOCATIESERVER_URL is leeg); "
            "het adres is niet gecontroleerd.",
        )
    try:
        found = bag_adres.lookup(
            data.postcode, data.huisnummer, data.huisletter, data.toevoeging, base
        )
    except bag_adres.BagUnavailable as exc:
        return BagResult("niet_gecontroleerd", str(exc))
    except bag_adres.BagError as exc:
        raise RegisterError({"postcode": [str(exc)]}) from exc
    if found.gemeente != data.gemeente:
        raise RegisterError(
            {
                "postcode": [
                    f"Dit adres ligt volgens de BAG in gemeente {found.gemeente}, niet "
                    f"in {data.gemeente}."
                ]
            }
        )
    return BagResult(
        "gecontroleerd", f"Adres gevonden in de BAG: {found.display}.", found
    )


# --- writes --------------------------------------------------------------------------


def _gemeente(actor: Actor, code: str) -> Gemeente:
    require(actor, Right.PERSONAL_WRITE, code)
    gemeente = Gemeente.objects.filter(code=code).first()
    if gemeente is None:
        raise RegisterError({"gemeente": [f"Gemeente {code} bestaat niet."]})
    return gemeente


def _apply(location: Location, data: LocationInput, bag: BagResult) -> None:
    found = bag.address
    location.name = data.name.strip()
    location.postcode = bag_adres.normalise_postcode(data.postcode)
    location.huisnummer = data.huisnummer
    location.huisletter = data.huisletter.strip().upper()
    location.toevoeging = data.toevoeging.strip().upper()
    location.street = found.street if found else data.street.strip()
    location.place = found.place if found else data.place.strip()
    location.bag_status = bag.status
    location.bag_id = found.nummeraanduiding if found else ""
    location.lon, location.lat = (found.lon, found.lat) if found else (None, None)
    wijk = (found.wijk if found and found.wijk else "") or data.wijk
    location.wijk = Wijk.objects.filter(code=wijk).first() if wijk else None
    for name in (
        "type",
        "beds",
        "floor_area",
        "snf_regime",
        "new_location",
        "sharing_consent",
        "operator",
        "employer",
        "employer_tied",
        "snf_number",
        "snf_expiry",
        "permits",
        "brp_registrations",
    ):
        value = getattr(data, name)
        setattr(location, name, value.strip() if isinstance(value, str) else value)


def save_location(
    actor: Actor,
    data: LocationInput,
    user: Any = None,
    location: Location | None = None,
    check_address: bool = True,
) -> tuple[Location, str]:
    """Validate, check the BAG, store with bedrooms and log; returns the BAG notice."""
    gemeente = _gemeente(actor, data.gemeente)
    validate_location(data)
    bag = check_bag(data) if check_address else BagResult("niet_gecontroleerd", "")
    creating = location is None
    target = location or Location(gemeente=gemeente)
    if not creating and target.gemeente.code != data.gemeente:
        raise RegisterError(
            {"gemeente": ["Een locatie verhuist niet naar een andere gemeente."]}
        )
    _apply(target, data, bag)
    if creating and getattr(user, "is_authenticated", False):
        target.created_by = user
    with transaction.atomic():
        target.save()
        rooms = Bedroom.objects.for_actor(actor, Right.PERSONAL_WRITE)
        rooms.filter(location=target).delete()
        rooms.bulk_create(Bedroom(location=target, area=a) for a in data.bedrooms)
        _audit(
            actor,
            Action.CREATE if creating else Action.UPDATE,
            LOCATION,
            _locations([target]),
        )
    return target, bag.notice


@dataclass(frozen=True, slots=True)
class OccupantInput:
    registration: str
    stay_start: date
    bsn: str = ""
    employer: str = ""
    contract_end: date | None = None
    stay_end: date | None = None


def validate_occupant(data: OccupantInput, today: date | None = None) -> None:
    errors: dict[str, list[str]] = {}
    if data.bsn.strip():
        try:
            normalise_bsn(data.bsn)
        except BsnError as exc:
            errors["bsn"] = [str(exc)]
    if data.registration not in {r.value for r in wet_brp.Registration}:
        errors["registration"] = ["Kies brp, rni of geen."]
    if data.stay_start > (today or timezone.localdate()):
        errors["stay_start"] = ["Het verblijf kan niet in de toekomst beginnen."]
    if data.stay_end is not None and data.stay_end < data.stay_start:
        errors["stay_end"] = ["Het einde van het verblijf ligt voor het begin."]
    if errors:
        raise RegisterError(errors)


def add_occupant(actor: Actor, location: Location, data: OccupantInput) -> Occupant:
    require(actor, Right.PERSONAL_WRITE, location.gemeente.code)
    validate_occupant(data)
    occupant = Occupant(
        location=location,
        bsn_hash=bsn_hash(data.bsn) if data.bsn.strip() else "",
        registration=data.registration,
        employer=data.employer.strip(),
        contract_end=data.contract_end,
        stay_start=data.stay_start,
        stay_end=data.stay_end,
    )
    with transaction.atomic():
        occupant.save(force_insert=True)
        _audit(actor, Action.CREATE, OCCUPANT, [(occupant.pk, location.gemeente.code)])
    return occupant


def end_stay(
    actor: Actor, location: Location, occupant_uuid: Any, day: date
) -> Occupant:
    """Record an occupant's departure (the last day of the stay); logged as an update."""
    require(actor, Right.PERSONAL_WRITE, location.gemeente.code)
    occupant = (
        Occupant.objects.for_actor(actor, Right.PERSONAL_WRITE)
        .filter(location=location, uuid=occupant_uuid)
        .first()
    )
    if occupant is None:
        raise Http404("Deze bewoner bestaat niet of u heeft er geen toegang toe.")
    if day < occupant.stay_start or day > timezone.localdate():
        raise RegisterError(
            {"stay_end": ["De vertrekdatum ligt voor het begin van het verblijf of in "
                          "de toekomst."]}
        )  # fmt: skip
    occupant.stay_end = day
    with transaction.atomic():
        occupant.save(update_fields=["stay_end"])
        _audit(actor, Action.UPDATE, OCCUPANT, [(occupant.pk, location.gemeente.code)])
    return occupant


def audit_occupants(actor: Actor, action: Action, occupants: list[Occupant]) -> None:
    _audit(
        actor, action, OCCUPANT, [(o.pk, o.location.gemeente.code) for o in occupants]
    )


def add_inspection(
    actor: Actor, location: Location, day: date, outcome: str, findings: str
) -> Inspection:
    require(actor, Right.PERSONAL_WRITE, location.gemeente.code)
    if day > timezone.localdate():
        raise RegisterError({"date": ["De datum ligt in de toekomst."]})
    with transaction.atomic():
        inspection = Inspection.objects.for_actor(actor, Right.PERSONAL_WRITE).create(
            location=location, date=day, outcome=outcome, findings=findings.strip()
        )
        _audit(actor, Action.UPDATE, LOCATION, _locations([location]))
    return inspection


# --- reads ---------------------------------------------------------------------------


def visible(actor: Actor) -> Any:
    """Locations the actor may read: the isolation rule, nothing else."""
    return Location.objects.for_actor(actor, Right.PERSONAL_READ).select_related(
        "gemeente", "wijk"
    )


def get_location(actor: Actor, location_uuid: Any, *, log: bool = True) -> Location:
    """One location by UUID, or Http404 (also for another gemeente's location)."""
    location = visible(actor).filter(uuid=location_uuid).first()
    if location is None:
        _audit(actor, Action.READ, LOCATION, [], status=Status.DENIED)
        raise Http404("Deze locatie bestaat niet of u heeft er geen toegang toe.")
    if log:
        _audit(actor, Action.READ, LOCATION, _locations([location]))
    return location


def log_list(
    actor: Actor, locations: list[Location], action: Action = Action.LIST
) -> None:
    """Log the locations a list, search or export showed (one line per gemeente)."""
    organisation = list_organisation(actor)
    _audit(actor, action, LOCATION, _locations(locations), organisation)


def occupants_of(
    actor: Actor, location: Location, *, log: bool = True
) -> list[Occupant]:
    found = list(
        Occupant.objects.for_actor(actor, Right.PERSONAL_READ).filter(location=location)
    )
    if log and found:
        _audit(
            actor,
            Action.LIST,
            OCCUPANT,
            [(o.pk, location.gemeente.code) for o in found],
        )
    return found


def inspections_of(actor: Actor, location: Location) -> list[Inspection]:
    return list(
        Inspection.objects.for_actor(actor, Right.PERSONAL_READ).filter(
            location=location
        )
    )


def _norms(location: Location, bedrooms: Iterable[Decimal]) -> hn.LocationNorms:
    return hn.LocationNorms(
        type=hn.LocationType(location.type),
        beds=location.beds,
        floor_area=Decimal(location.floor_area),
        bedrooms=tuple(Decimal(b) for b in bedrooms),
        snf_regime=hn.SnfRegime(location.snf_regime),
        new_location=location.new_location,
        sharing_consent=location.sharing_consent,
    )


def location_facts(
    location: Location,
    bedrooms: Iterable[Decimal],
    occupants: Iterable[Occupant],
    cap: hn.LocalCap | None,
) -> am.LocationFacts:
    return am.LocationFacts(
        _norms(location, bedrooms),
        employer_tied=location.employer_tied,
        snf_expiry=location.snf_expiry,
        brp_registrations=location.brp_registrations,
        occupants=tuple(
            am.OccupantFacts(
                wet_brp.Registration(o.registration),
                o.stay_start,
                o.stay_end,
                o.contract_end,
            )
            for o in occupants
        ),
        local_cap=cap,
    )


@dataclass(frozen=True, slots=True)
class LocationView:
    """A location with its norm checks and signals, for pages, the API and the CLI."""

    location: Location
    bedrooms: tuple[Decimal, ...]
    checks: tuple[hn.NormCheck, ...]
    signals: tuple[am.Signal, ...]
    present: int
    present_brp: int
    present_rni: int
    max_beds: int
    cap: hn.LocalCap | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def views_for(
    actor: Actor, locations: list[Location], right: Right, today: date | None = None
) -> list[LocationView]:
    """Norm checks and signals of many locations with two queries, through isolation."""
    day = today or timezone.localdate()
    ids = [loc.pk for loc in locations]
    rooms: dict[int, list[Decimal]] = {pk: [] for pk in ids}
    for room in Bedroom.objects.for_actor(actor, right).filter(location_id__in=ids):
        rooms[room.location_id].append(Decimal(room.area))
    people: dict[int, list[Occupant]] = {pk: [] for pk in ids}
    for o in Occupant.objects.for_actor(actor, right).filter(location_id__in=ids):
        people[o.location_id].append(o)
    caps = {
        n.gemeente.code: hn.LocalCap(n.max_persons, n.source)
        for n in LocalNorm.objects.for_actor(actor, right).select_related("gemeente")
    }
    result = []
    for loc in locations:
        cap = caps.get(loc.gemeente.code)
        facts = location_facts(loc, rooms[loc.pk], people[loc.pk], cap)
        here = am.present(facts, day)
        result.append(
            LocationView(
                loc,
                tuple(rooms[loc.pk]),
                hn.checks(facts.norms, day, cap),
                am.location_signals(facts, day),
                len(here),
                sum(o.registration is wet_brp.Registration.BRP for o in here),
                sum(o.registration is wet_brp.Registration.RNI for o in here),
                hn.max_beds(facts.norms, day, cap),
                cap,
            )
        )
    return result


def location_view(
    actor: Actor, location: Location, today: date | None = None
) -> LocationView:
    return views_for(actor, [location], Right.PERSONAL_READ, today)[0]


def signal_records(
    actor: Actor, gemeente: str | None = None, today: date | None = None
) -> list[dict[str, Any]]:
    """One record per location with its signals and the rule behind each (CLI, API)."""
    qs = visible(actor).order_by("gemeente__code", "postcode", "huisnummer", "pk")
    if gemeente:
        qs = qs.filter(gemeente__code=gemeente)
    locations = list(qs)
    views = views_for(actor, locations, Right.PERSONAL_READ, today)
    log_list(actor, locations)
    return [
        {
            "uuid": str(v.location.uuid),
            "gemeentecode": v.location.gemeente.code,
            "adres": v.location.address,
            "soort": v.location.type,
            "bedden": v.location.beds,
            "gebruiksoppervlakte": float(v.location.floor_area),
            "slaapkamers": [float(b) for b in v.bedrooms],
            "maximaalBedden": v.max_beds,
            "signalen": [s.to_dict() for s in v.signals],
        }
        for v in views
    ]


# --- aggregates without personal data ------------------------------------------------


def minimum_cell() -> int:
    return int(getattr(settings, "MIGRATIEKETEN_MIN_CELL", 10))


def _suppress(value: int, minimum: int, key: str, hidden: list[str]) -> int | None:
    if 0 < value < minimum:
        hidden.append(key)
        return None
    return value


def _aggregate_right(actor: Actor, code: str) -> tuple[Right, bool] | None:
    if actor.may(Right.AGGREGATES, code):
        return Right.AGGREGATES, False
    if actor.may(Right.PUBLIC_AGGREGATES, code):
        return Right.PUBLIC_AGGREGATES, True
    return None


@dataclass(frozen=True, slots=True)
class Aggregate:
    """Counts of one gemeente's housing register; public cells below the minimum hidden.

    `signals` counts locations with at least one signal of each kind.
    """

    code: str
    locations: int | None
    beds: int | None
    per_type: dict[str, int | None]
    signals: dict[str, int | None]
    occupants_brp: int | None
    occupants_rni: int | None
    suppressed: tuple[str, ...]
    public: bool
    minimum_cell: int
    as_of: date


def _counts(views: list[LocationView]) -> dict[str, Any]:
    per_type = {t.value: 0 for t in hn.LocationType}
    signals = {k.value: 0 for k in am.SignalKind}
    for v in views:
        per_type[v.location.type] += 1
        for kind in {s.kind.value for s in v.signals}:
            signals[kind] += 1
    return {
        "locations": len(views),
        "beds": sum(v.location.beds for v in views),
        "per_type": per_type,
        "signals": signals,
        "brp": sum(v.present_brp for v in views),
        "rni": sum(v.present_rni for v in views),
    }


def gemeente_aggregate(
    actor: Actor, code: str, today: date | None = None
) -> Aggregate | None:
    """The Arbeidsmigranten section of a gemeente page; None without any right to it."""
    day = today or timezone.localdate()
    found = _aggregate_right(actor, code)
    if found is None:
        return None
    right, public = found
    locations = list(
        Location.objects.for_actor(actor, right)
        .filter(gemeente__code=code)
        .select_related("gemeente")
    )
    c = _counts(views_for(actor, locations, right, day))
    minimum = minimum_cell()
    hidden: list[str] = []
    if not public:
        return Aggregate(
            code, c["locations"], c["beds"], c["per_type"], c["signals"], c["brp"],
            c["rni"], (), False, minimum, day,
        )  # fmt: skip
    return Aggregate(
        code,
        _suppress(c["locations"], minimum, "locations", hidden),
        _suppress(c["beds"], minimum, "beds", hidden),
        {
            k: _suppress(v, minimum, f"type.{k}", hidden)
            for k, v in c["per_type"].items()
        },
        {
            k: _suppress(v, minimum, f"signal.{k}", hidden)
            for k, v in c["signals"].items()
        },
        _suppress(c["brp"], minimum, "brp", hidden),
        _suppress(c["rni"], minimum, "rni", hidden),
        tuple(hidden),
        True,
        minimum,
        day,
    )


@dataclass(frozen=True, slots=True)
class WijkRow:
    code: str
    name: str
    beds: int | None
    inhabitants: int | None
    per_100: Decimal | None
    lon: float | None = None
    lat: float | None = None


def wijk_beds(actor: Actor, code: str) -> tuple[list[WijkRow], bool] | None:
    """Beds per wijk and per 100 inhabitants (CBS KWB); public: small cells hidden."""
    found = _aggregate_right(actor, code)
    if found is None:
        return None
    right, public = found
    beds: dict[str, int] = {}
    for wijk_code, n in (
        Location.objects.for_actor(actor, right)
        .filter(gemeente__code=code)
        .values_list("wijk__code", "beds")
    ):
        beds[wijk_code or ""] = beds.get(wijk_code or "", 0) + n
    rows = []
    for wijk in Wijk.objects.filter(gemeente__code=code).order_by("code"):
        rows.append(
            _wijk_row(
                wijk.code, wijk.name, beds.pop(wijk.code, 0), wijk.inhabitants, public
            )
        )
    for key, n in beds.items():
        rows.append(_wijk_row(key, "wijk onbekend", n, None, public))
    return rows, public


def _wijk_row(
    code: str, name: str, beds: int, inhabitants: int | None, public: bool
) -> WijkRow:
    if public and 0 < beds < minimum_cell():
        return WijkRow(code, name, None, inhabitants, None)
    per = (
        (Decimal(100 * beds) / Decimal(inhabitants)).quantize(Decimal("0.1"))
        if inhabitants
        else None
    )
    return WijkRow(code, name, beds, inhabitants, per)


@dataclass(frozen=True, slots=True)
class WijkMap:
    view_box: str
    areas: list[dict[str, Any]]
    legend: list[dict[str, Any]]


def wijk_map(code: str, rows: list[WijkRow]) -> WijkMap | None:
    """A choropleth of beds per 100 inhabitants per wijk (quantile classes), or None
    without the optional wijk shapes; hidden cells are drawn as 'no figure'."""
    from pathlib import Path

    from migratieketen.maps.bins import bin_index, quantile_bins
    from migratieketen.maps.wijk_shapes import view_box, wijk_paths

    paths = wijk_paths(Path(str(getattr(settings, "MIGRATIEKETEN_DATA_DIR", ""))), code)
    if not paths:
        return None
    values = {r.code: float(r.per_100) if r.per_100 is not None else None for r in rows}
    bins = quantile_bins(v for v in values.values() if v)
    names = {r.code: r.name for r in rows}
    areas = []
    for wijk, drawn in sorted(paths.items()):
        value = values.get(wijk)
        cls = bin_index(value, bins) if value else None
        shown = "–" if value is None else f"{value:.1f}".replace(".", ",")
        areas.append(
            {
                "code": wijk,
                "path": drawn,
                "bin": cls,
                "label": f"{names.get(wijk, wijk)}: {shown} bedden per 100 inwoners",
            }
        )
    legend = [
        {
            "bin": b.index,
            "range": f"{b.lower:.1f} – {b.upper:.1f}".replace(".", ","),
            "count": b.count,
        }
        for b in bins
    ]
    return WijkMap(view_box(paths), areas, legend)


def wijk_source(code: str) -> str:
    wijk = Wijk.objects.filter(gemeente__code=code).select_related("source").first()
    return str(wijk.source) if wijk else ""
