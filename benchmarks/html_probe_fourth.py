"""A fourth round of HTML probe conventions, written apart from the reader and the earlier probes, scored as first seen.

    .venv/bin/python benchmarks/html_probe_fourth.py [--late] [--pages 20] [--seed 7] [--show CONVENTION]

The markup habits of site builders and CMSs the earlier rounds leave out: Drupal teasers with a `Submitted by`
line, Elementor post widgets nested ten wrappers deep, Squarespace summary blocks led by an image link, hashed
CSS-module class names, a Bootstrap list group, a SharePoint list view with sort links in its header; schema.org
data beside the list (a JSON-LD `ItemList`, `itemprop` spans, hAtom `<abbr title=ISO>` dates with no year
printed); listings in German, French, Spanish and Japanese (`4. März 2021`, `4 mars 2021`, `4 de marzo de 2021`,
`2021年3月4日`, `04.03.2021`), ordinal dates (`March 4th, 2021`); lazy images with a `<noscript>` copy and a
`Load more` button; a `<template>` card and a mobile copy of the list; a hero item repeated in the list below;
footers listing dated legal notices; items split by `<hr>` in one div; `<article>` cards inside an outer
`<article>`; a `Read more` link whose only other text is for screen readers; table rows headed by their date;
XHTML with a byte-order mark and a stylesheet processing instruction; and single release pages whose only date
is the dateline in their first paragraph. Every name, headline and teaser is invented for the project. The same
scorer and table as html_probe.py; a single release page is one item. `--late` runs ten more conventions written
after this round's first fixes (see LATE).
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from html_probe import _MONTHS, _PEOPLE, _SITE, Draft, Item, Page, _e, _items, main

_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
       "Dezember"]
_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
       "décembre"]
_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
       "noviembre", "diciembre"]
_TITLES = {
    "de": ["Stadtwerke Brunnfeld senken die Gaspreise zum ersten Juli", "Neue Fährverbindung nach Osterholm eröffnet",
           "Wasserverband startet Sanierung der Talsperre", "Kinderhospiz Lindau erhält Spende der Bürgerstiftung",
           "Heimatbahn nimmt restaurierte Dampflok in Betrieb", "Genossenschaft baut zwölf neue Wohnungen am Hafen",
           "Bergwacht bildet zwanzig neue Einsatzkräfte aus", "Orchester der Stadt stellt das Programm der Saison vor",
           "Windpark Hohe Heide liefert Strom für viertausend Haushalte", "Imkerverein meldet eine Rekordernte"],
    "fr": ["La régie des eaux lève les restrictions d'arrosage", "Le conservatoire ouvre ses portes aux écoles",
           "Nouvelle ligne de bac entre Portmaret et l'île aux Moines", "La coopérative livre ses premiers logements",
           "Le train touristique reprend du service au printemps", "Les sauveteurs en montagne recrutent des bénévoles",
           "Un nouveau directeur pour la banque de semences", "Le parc éolien inaugure sa troisième turbine",
           "La maison de soins palliatifs reçoit un don record", "Les apiculteurs de la vallée fêtent leur récolte"],
    "es": ["La cooperativa entrega las llaves de doce viviendas", "La orquesta municipal estrena una sinfonía local",
           "Nueva ruta de ferry entre Puerto Albar y la isla",
           "El banco de semillas guarda especies de cuarenta prados",
           "Los rescatadores de montaña forman a nuevos voluntarios", "La autoridad del agua levanta las restricciones",
           "El tren histórico vuelve a circular este verano", "El hospicio infantil recibe una donación récord",
           "El parque eólico conecta su tercera turbina", "Los apicultores del valle celebran una cosecha récord"],
    "ja": ["ケストレル・フェリー、冬季ダイヤの意見募集を開始", "アードモア種子銀行、高山植物の種子を保存",
           "市民オーケストラ、地元作曲家の新作を初演", "住宅協同組合、港湾地区に新たな住宅を完成",
           "水道局、散水制限を解除", "山岳救助隊、ボランティア向け訓練を実施",
           "風力発電所、第三号機の運転を開始", "保存鉄道、蒸気機関車の運行を再開",
           "こども緩和ケア施設、寄付金の受領について", "養蜂組合、過去最高の収穫量を発表"],
}
_TEASERS = {
    "de": "Die Arbeiten sollen vor den Sommerferien abgeschlossen sein.",
    "fr": "Les travaux s'achèveront avant les vacances scolaires.",
    "es": "Las obras terminarán antes de las vacaciones escolares.",
    "ja": "詳細は添付資料をご覧ください。",
}
_LEGAL = ["Privacy notice", "Modern slavery statement", "Gender pay gap report", "Terms of use",
          "Accessibility statement", "Complaints policy"]
_SIDE_READS = ["Six things to do on the island this winter", "Behind the scenes at the seed vault",
               "A morning with the rescue dogs", "The oldest engine in our sheds", "What our tenants told us"]


def _ordinal(day: dt.date, *, day_first: bool) -> str:
    nth = f"{day.day}{_ORDINAL.get(day.day, 'th')}"
    month = _MONTHS[day.month - 1]
    return f"{nth} {month} {day.year}" if day_first else f"{month} {nth}, {day.year}"


def _localised(p: Page, lang: str, drafts: list[Draft]) -> None:
    """Give the drafts titles and teasers in the page's language."""
    for d, title in zip(drafts, p.rng.sample(_TITLES[lang], len(drafts)), strict=False):
        d.title, d.teaser = title, _TEASERS[lang]


def _foreign_date(lang: str, day: dt.date, numeric: bool) -> str:
    if numeric:
        ymd, dmy = f"{day.year}/{day.month:02d}/{day.day:02d}", f"{day.day:02d}.{day.month:02d}.{day.year}"
        return ymd if lang == "ja" else dmy
    return {"de": f"{day.day}. {_DE[day.month - 1]} {day.year}", "fr": f"{day.day} {_FR[day.month - 1]} {day.year}",
            "es": f"{day.day} de {_ES[day.month - 1]} de {day.year}",
            "ja": f"{day.year}年{day.month}月{day.day}日"}[lang]


def _shell(p: Page, main_html: str, *, lang: str = "en", head: str = "", title: str = "Newsroom",
           side: str = "", foot: str = "", nav: tuple[str, ...] = ("Home", "About us", "News", "Contact")) -> str:
    """A whole page with its own chrome: a header, a skip link, a menu in the page's language, a footer."""
    menu = "".join(f'<li class="menu-item"><a href="/{n}">{_e(w)}</a></li>' for n, w in enumerate(nav))
    footer = foot or (f'<footer class="site-footer"><div class="footer-inner"><p>&copy; {p.org}</p>'
                      '<p><a href="/impressum">Legal</a> · <a href="/privacy">Privacy</a></p></div></footer>')
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{_e(title)} – {p.org}</title>'
            f'<link rel="canonical" href="{_SITE}/newsroom">{head}</head><body class="page-template-default">'
            f'<a class="skip-link screen-reader-text" href="#content">Skip to content</a><header id="masthead">'
            f'<div class="site-branding"><a href="/" rel="home">{p.org}</a></div><nav class="main-navigation">'
            f'<ul class="menu">{menu}</ul></nav></header><div id="content" class="site-content">{main_html}{side}'
            f"</div>{footer}</body></html>")


def drupal_submitted(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = []
    for n, d in enumerate(drafts):
        stamp = (f"{d.day.strftime('%a')}, {d.day.month:02d}/{d.day.day:02d}/{d.day.year} - "
                 f"{9 + n % 8}:{15 * (n % 4):02d}")
        rows.append(f'<div class="views-row"><article role="article" about="{d.href}" class="node node--type-press-'
                    f'release node--promoted node--view-mode-teaser"><h2><a href="{d.href}" rel="bookmark"><span '
                    f'class="field field--name-title field--type-string">{_e(d.title)}</span></a></h2><footer '
                    f'class="node__meta"><div class="node__submitted">Submitted by <span class="field--name-uid">'
                    f'<span lang="" typeof="schema:Person">pressdesk</span></span> on <span class="field--name-'
                    f'created">{stamp}</span></div></footer><div class="node__content"><div class="clearfix '
                    f'text-formatted field field--name-body field--type-text-with-summary field--label-hidden '
                    f'field__item"><p>{_e(d.teaser)}</p></div><ul class="links inline"><li class="node-readmore">'
                    f'<a href="{d.href}" rel="tag" hreflang="en">Read more<span class="visually-hidden"> about '
                    f"{_e(d.title)}</span></a></li></ul></div></article></div>")
    main_html = (f'<main role="main"><div class="layout-content"><div class="region region-content"><div '
                 f'class="views-element-container block"><div class="view view-newsroom view-display-id-page_1">'
                 f'<div class="view-content">{"".join(rows)}</div>{p.pager()}</div></div></div></div></main>')
    return _shell(p, main_html), _items(drafts)


def elementor_posts(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    posts = "".join(
        f'<article class="elementor-post elementor-grid-item post-{7100 + n} post type-post status-publish '
        f'format-standard has-post-thumbnail hentry category-{p.rng.choice(["press", "news", "community"])}">'
        f'<a class="elementor-post__thumbnail__link" href="{d.href}" tabindex="-1"><div class="elementor-post__'
        f'thumbnail"><img width="800" height="450" src="/wp-content/uploads/{n}.jpg" alt="" loading="lazy"></div></a>'
        f'<div class="elementor-post__text"><h3 class="elementor-post__title"><a href="{d.href}">{_e(d.title)}</a>'
        f'</h3><div class="elementor-post__meta-data"><span class="elementor-post-date">{p.date(d.day)}</span>'
        f'</div><div class="elementor-post__excerpt"><p>{_e(d.teaser)}</p></div><a class="elementor-post__read-more"'
        f' href="{d.href}" aria-label="Read more about {_e(d.title)}" tabindex="-1">Read More »</a></div></article>'
        for n, d in enumerate(drafts))
    nest = ('<div data-elementor-type="wp-page" class="elementor elementor-88"><section class="elementor-section '
            'elementor-top-section"><div class="elementor-container elementor-column-gap-default"><div class='
            '"elementor-column elementor-col-100"><div class="elementor-widget-wrap elementor-element-populated">'
            '<div class="elementor-element elementor-widget elementor-widget-posts"><div class="elementor-widget-'
            'container"><div class="elementor-posts-container elementor-posts elementor-grid">')
    heading = ('<div class="elementor-widget-heading"><div class="elementor-widget-container"><h2 class="elementor-'
               'heading-title">Latest news</h2></div></div>')
    main_html = f'{heading}{nest}{posts}</div></div></div></div></div></div></section></div>'
    return _shell(p, main_html), _items(drafts)


def squarespace_summary(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    items = "".join(
        f'<div class="summary-item summary-item-record-type-text sqs-gallery-design-autocolumns-slide">'
        f'<div class="summary-thumbnail-outer-container"><a href="{d.href}" class="summary-thumbnail-container '
        f'sqs-gallery-image-container"><div class="summary-thumbnail img-wrapper"><img data-src="/s/{n}.jpg" '
        f'alt="{_e(d.title)}" class="summary-thumbnail-image"></div></a></div><div class="summary-content">'
        f'<div class="summary-metadata-container summary-metadata-container--above-title"><div class="summary-'
        f'metadata summary-metadata--primary"><time class="summary-metadata-item summary-metadata-item--date" '
        f'datetime="{d.day.isoformat()}">{_MONTHS[d.day.month - 1][:3]} {d.day.day}, {d.day.year}</time></div></div>'
        f'<div class="summary-title"><a href="{d.href}" class="summary-title-link">{_e(d.title)}</a></div>'
        f'<div class="summary-excerpt"><p>{_e(d.teaser)}</p></div><a href="{d.href}" class="summary-read-more-link">'
        "Read More →</a></div></div>" for n, d in enumerate(drafts))
    main_html = (f'<main id="page" class="container" role="main"><article class="sections"><section class="page-'
                 f'section"><div class="content-wrapper"><div class="sqs-block summary-v2-block"><div class="sqs-'
                 f'block-content"><div class="summary-block-wrapper summary-block-collection-type-blog"><div '
                 f'class="summary-item-list-container sqs-gallery-container"><div class="summary-item-list">{items}'
                 f"</div></div></div></div></div></div></section></article></main>")
    return _shell(p, main_html), _items(drafts)


def hashed_classes(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    h = [f"css-{p.rng.randrange(16 ** 6):06x}" for _ in range(8)]
    cards = "".join(
        f'<div class="{h[0]}"><div class="{h[1]}"><div class="{h[2]}"><div class="{h[3]}" data-hook="post-title">'
        f'<a href="{d.href}" class="{h[4]}"><p class="{h[5]}">{_e(d.title)}</p></a></div><div class="{h[6]}" '
        f'data-hook="post-meta"><span class="{h[7]}">{_MONTHS[d.day.month - 1][:3]} {d.day.day}, {d.day.year}</span>'
        f'<span aria-hidden="true"> · </span><span class="{h[7]}">{p.rng.randint(1, 6)} min read</span></div>'
        f'<div class="{h[5]}" data-hook="post-description">{_e(d.teaser)}</div></div></div></div>'
        for d in drafts)
    main_html = f'<main id="PAGES_CONTAINER"><div class="{h[0]}-list" data-hook="post-list">{cards}</div></main>'
    return _shell(p, main_html, title="Blog"), _items(drafts)


def bootstrap_list_group(p: Page) -> tuple[str, list[Item]]:
    p.day_first, p.numeric, p.dotted, p.lang = True, True, True, "en-GB"
    drafts = p.drafts()
    rows = "".join(f'<a href="{d.href}" class="list-group-item list-group-item-action flex-column align-items-start">'
                   f'<div class="d-flex w-100 justify-content-between"><h5 class="mb-1">{_e(d.title)}</h5>'
                   f'<small class="text-muted">{p.date(d.day)}</small></div><p class="mb-1">{_e(d.teaser)}</p></a>'
                   for d in drafts)
    main_html = (f'<div class="container my-5"><div class="row"><div class="col-lg-8"><h1 class="h3 mb-4">Media '
                 f'releases</h1><div class="list-group">{rows}</div></div></div></div>')
    return _shell(p, main_html, lang="en-GB"), _items(drafts)


def sharepoint_list(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = []
    for n, d in enumerate(drafts):
        hour = 8 + n % 9
        stamp = f"{d.day.month}/{d.day.day}/{d.day.year} {hour if hour <= 12 else hour - 12}:{5 * n % 60:02d} " \
                f"{'AM' if hour < 12 else 'PM'}"
        rows.append(f'<tr class="ms-itmHoverEnabled ms-itmhover" iid="{n}"><td class="ms-cellstyle ms-vb-title">'
                    f'<div class="ms-vb itx"><a onclick="EditLink2(this,{n});" href="/Lists/News/DispForm.aspx?ID='
                    f'{40 + n}">{_e(d.title)}</a></div></td><td class="ms-cellstyle ms-vb2"><nobr>{stamp}</nobr></td>'
                    f'<td class="ms-cellstyle ms-vb2">Communications</td></tr>')
        d.href = f"/Lists/News/DispForm.aspx?ID={40 + n}"
    head = ('<thead><tr class="ms-viewheadertr"><th class="ms-vh2"><a href="javascript:SortBy(\'Title\')">Title</a>'
            '</th><th class="ms-vh2"><a href="javascript:SortBy(\'Published\')">Published</a></th><th class="ms-vh2">'
            '<a href="javascript:SortBy(\'Dept\')">Department</a></th></tr></thead>')
    main_html = (f'<div id="s4-workspace"><div id="s4-bodyContainer"><div id="DeltaPlaceHolderMain"><table '
                 f'class="ms-listviewtable" summary="News">{head}<tbody>{"".join(rows)}</tbody></table></div></div>'
                 "</div>")
    return _shell(p, main_html, lang="en-US"), _items(drafts)


def jsonld_itemlist(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    data = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": n + 1, "url": _SITE + d.href, "name": d.title} for n, d in enumerate(drafts)]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    cards = "".join(f'<li itemscope itemtype="https://schema.org/NewsArticle" class="news-list__item"><h2 itemprop='
                    f'"headline" class="news-list__title"><a itemprop="url" href="{d.href}">{_e(d.title)}</a></h2>'
                    f'<span itemprop="datePublished" content="{d.day.isoformat()}" class="news-list__date">'
                    f'{p.date(d.day)}</span><span itemprop="author" itemscope itemtype="https://schema.org/'
                    f'Organization"><meta itemprop="name" content="{p.org}"></span><p itemprop="description">'
                    f"{_e(d.teaser)}</p></li>" for d in drafts)
    return _shell(p, f'<main><h1>News</h1><ul class="news-list">{cards}</ul></main>', head=head), _items(drafts)


def hatom_abbr(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    posts = "".join(f'<div class="hentry"><h2 class="entry-title"><a href="{d.href}" rel="bookmark">{_e(d.title)}'
                    f'</a></h2><div class="entry-meta">Posted <abbr class="published" title="{d.day.isoformat()}'
                    f'T10:00:00+00:00">{_MONTHS[d.day.month - 1][:3]} {d.day.day}</abbr> by <span class="author '
                    f'vcard"><span class="fn">{p.rng.choice(_PEOPLE)}</span></span></div><div class="entry-summary">'
                    f"<p>{_e(d.teaser)}</p></div></div>" for d in drafts)
    return _shell(p, f'<div id="main"><div class="hfeed">{posts}</div></div>'), _items(drafts)


def ordinal_meta_under_teaser(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    day_first = p.rng.random() < 0.5
    posts = "".join(f'<div class="post-summary"><h2><a href="{d.href}">{_e(d.title)}</a></h2><p>{_e(d.teaser)}</p>'
                    f'<p class="meta">Posted on {_ordinal(d.day, day_first=day_first)} in <a href="/category/'
                    f'{c.lower()}">{c}</a> | <a href="{d.href}#comments">No comments</a></p></div>'
                    for d, c in ((d, p.rng.choice(["News", "Announcements"])) for d in drafts))
    return _shell(p, f'<div class="blog-main">{posts}{p.pager()}</div>'), _items(drafts)


def _foreign(p: Page, lang: str, nav: tuple[str, ...], more: str, title: str, numeric: bool) -> tuple[str, list[Item]]:
    drafts = p.drafts(3, 8)
    _localised(p, lang, drafts)
    cards = "".join(f'<div class="teaser"><span class="teaser__date">{_foreign_date(lang, d.day, numeric)}</span>'
                    f'<h3 class="teaser__title"><a href="{d.href}">{_e(d.title)}</a></h3><p>{_e(d.teaser)}</p>'
                    f'<a class="teaser__more" href="{d.href}">{more}</a></div>' for d in drafts)
    main_html = f'<main><h1>{title}</h1><div class="teaser-list">{cards}</div></main>'
    return _shell(p, main_html, lang=lang, title=title, nav=nav), _items(drafts)


def german_listing(p: Page) -> tuple[str, list[Item]]:
    return _foreign(p, "de", ("Startseite", "Über uns", "Presse", "Kontakt"), "Weiterlesen", "Pressemitteilungen",
                    p.rng.random() < 0.4)


def french_listing(p: Page) -> tuple[str, list[Item]]:
    return _foreign(p, "fr", ("Accueil", "Qui sommes-nous", "Presse", "Contact"), "Lire la suite",
                    "Communiqués de presse", p.rng.random() < 0.3)


def spanish_listing(p: Page) -> tuple[str, list[Item]]:
    return _foreign(p, "es", ("Inicio", "Quiénes somos", "Prensa", "Contacto"), "Leer más", "Notas de prensa",
                    p.rng.random() < 0.3)


def japanese_listing(p: Page) -> tuple[str, list[Item]]:
    return _foreign(p, "ja", ("ホーム", "会社概要", "ニュース", "お問い合わせ"), "詳しく見る", "ニュースリリース",
                    p.rng.random() < 0.5)


def lazy_images_load_more(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    cards = "".join(f'<div class="news-card"><a href="{d.href}" class="news-card__image"><img class="lazyload" '
                    f'src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/media/{n}.jpg" alt="Photo: '
                    f'{p.rng.choice(_PEOPLE)}"><noscript><img src="/media/{n}.jpg" alt="Photo: {p.rng.choice(_PEOPLE)}'
                    f'"></noscript></a><div class="news-card__body"><div class="news-card__date">{p.date(d.day)}</div>'
                    f'<h3 class="news-card__title"><a href="{d.href}">{_e(d.title)}</a></h3></div></div>'
                    for n, d in enumerate(drafts))
    more = ('<div class="load-more-wrap"><button class="btn load-more" data-next="/newsroom?page=2" '
            'aria-controls="news-grid">Load more news</button></div>')
    return _shell(p, f'<main><h1>Newsroom</h1><div id="news-grid" class="news-grid">{cards}</div>{more}</main>'), \
        _items(drafts)


def template_and_mobile_copy(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    template = ('<template id="card-tpl"><article class="card"><h3><a href="{{url}}">{{title}}</a></h3>'
                '<time>{{date}}</time></article></template>')
    desktop = "".join(f'<article class="card"><h3><a href="{d.href}">{_e(d.title)}</a></h3><time datetime='
                      f'"{d.day.isoformat()}">{p.date(d.day)}</time><p>{_e(d.teaser)}</p></article>' for d in drafts)
    mobile = "".join(f'<li><a href="{d.href}">{_e(d.title)}</a> <span class="small">{p.date(d.day)}</span></li>'
                     for d in drafts)
    main_html = (f'<main><h1>News</h1>{template}<div class="d-none d-md-block cards">{desktop}</div>'
                 f'<ul class="d-md-none mobile-list" hidden>{mobile}</ul></main>')
    return _shell(p, main_html), _items(drafts)


def hero_repeated(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(4, 9)
    top = drafts[0]
    hero = (f'<section class="featured-story"><a href="{top.href}" class="featured-story__link"><img src="/h.jpg" '
            f'alt=""><div class="featured-story__text"><span class="eyebrow">Latest</span><h2>{_e(top.title)}</h2>'
            f'<p>{_e(top.teaser)}</p></div></a></section>')
    rows = "".join(f'<li class="news-row"><time datetime="{d.day.isoformat()}">{p.date(d.day)}</time>'
                   f'<a href="{d.href}">{_e(d.title)}</a></li>' for d in drafts)
    return _shell(p, f'<main>{hero}<h2>All news</h2><ul class="news-rows">{rows}</ul></main>'), _items(drafts)


def footer_dated_notices(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="release"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="release__date">'
                   f"{p.date(d.day)}</p><p>{_e(d.teaser)}</p></div>" for d in drafts)
    picks = p.rng.sample(_LEGAL, p.rng.randint(3, 5))
    p.side_titles += picks
    notices = "".join(f'<li><a href="/legal/{n}">{t}</a> <span class="updated">Updated '
                      f"{p.date(dt.date(2023, 1 + n, 3 + n))}</span></li>" for n, t in enumerate(picks))
    foot = (f'<footer class="site-footer"><div class="footer-cols"><div class="footer-col"><h4>Policies</h4><ul '
            f'class="legal">{notices}</ul></div><div class="footer-col"><p>&copy; 2024 {p.org}</p></div></div>'
            "</footer>")
    return _shell(p, f'<main><h1>Press releases</h1><div class="releases">{rows}</div></main>', foot=foot), \
        _items(drafts)


def most_read_numbered(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="media"><div class="media-body"><h4 class="media-heading"><a href="{d.href}">'
                   f'{_e(d.title)}</a></h4><p>{_e(d.teaser)}</p><p><small>{p.date(d.day)}</small></p></div></div>'
                   for d in drafts)
    picks = p.rng.sample(_SIDE_READS, 3)
    p.side_titles += picks
    start = dt.date(2024, 5, 1) - dt.timedelta(days=p.rng.randint(0, 2000))
    reads = "".join(f'<li><span class="rank">{n + 1}</span><div><a href="/features/{n}">{t}</a><small>'
                    f'{p.date(start - dt.timedelta(days=9 * n))}</small></div></li>' for n, t in enumerate(picks))
    side = f'<aside class="sidebar"><section class="most-read"><h2>Most read</h2><ol>{reads}</ol></section></aside>'
    return _shell(p, f'<main class="main-col"><h1>News</h1>{rows}</main>', side=side), _items(drafts)


def hr_separated(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    blocks = "<hr>".join(f'<p><strong>{p.date(d.day)}</strong></p><h4>{_e(d.title)}</h4><p>{_e(d.teaser)}</p>'
                         f'<p><a href="{d.href}">Read the full release</a></p>' for d in drafts)
    return _shell(p, f'<div class="entry-content"><h1>Media releases</h1>{blocks}</div>'), _items(drafts)


def nested_articles(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    cards = "".join(f'<article class="teaser"><header><h2><a href="{d.href}">{_e(d.title)}</a></h2><time '
                    f'datetime="{d.day.isoformat()}">{p.date(d.day)}</time></header><p>{_e(d.teaser)}</p></article>'
                    for d in drafts)
    intro = f"<p>News and announcements from {p.org}. Journalists may call the press office at any hour.</p>"
    main_html = (f'<main><article class="page type-page"><header class="page-header"><h1>News</h1></header>'
                 f'<div class="page-content">{intro}{cards}</div></article></main>')
    return _shell(p, main_html), _items(drafts)


def read_more_screen_reader(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<li class="listing__item"><div class="listing__meta">{p.date(d.day)}</div><h3 class="listing__'
                   f'heading">{_e(d.title)}</h3><p>{_e(d.teaser)}</p><a class="listing__link" href="{d.href}">Read '
                   f'more<span class="sr-only"> about {_e(d.title)}</span></a></li>' for d in drafts)
    return _shell(p, f'<main><h1>News releases</h1><ul class="listing">{rows}</ul></main>'), _items(drafts)


def date_row_headers(p: Page) -> tuple[str, list[Item]]:
    p.day_first, p.numeric, p.dotted, p.lang = True, True, True, "en-GB"
    drafts = p.drafts(5, 12)
    rows = "".join(f'<tr><th scope="row">{p.date(d.day)}</th><td><a href="{d.href}">{_e(d.title)}</a></td>'
                   f'<td>{p.rng.choice(["PDF", "Web"])}</td></tr>' for d in drafts)
    table = (f'<table class="data"><caption>Releases issued this year</caption><thead><tr><th scope="col">Date</th>'
             f'<th scope="col">Release</th><th scope="col">Format</th></tr></thead><tbody>{rows}</tbody></table>')
    return _shell(p, f'<main><h1>Release log</h1>{table}</main>', lang="en-GB"), _items(drafts)


def xhtml_bom_stylesheet(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="item"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="date">{p.date(d.day)}'
                   f'</p><p>{_e(d.teaser)}<br /></p></div>' for d in drafts)
    page = ('\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/css" href="/site.css"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>News</title><script type="text/'
            f'javascript">//<![CDATA[\nvar a = 1 < 2;\n//]]></script></head><body><div id="header"><a href="/">'
            f'{p.org}</a></div><div id="main"><h1>News</h1>{rows}</div><div id="footer"><p>Copyright {p.org}</p>'
            "</div></body></html>")
    # The page names no base URL (no canonical link, no <base>, no sidecar): an item's URL cannot be made absolute.
    return page, [Item(d.title, d.day, d.kind, None) for d in drafts]


def single_dateline(p: Page) -> tuple[str, list[Item]]:
    d = p.drafts(1, 1)[0]
    place = p.rng.choice(["BRANNOCK", "Mirefield", "KESTREL BAY", "Norwick"])
    dateline = {"a": f"{place}, {p.date(d.day)} —", "b": f"{place} ({p.date(d.day)}) –",
                "c": f"{place}, {_ordinal(d.day, day_first=False)} /PRNewswire/ --"}[p.rng.choice("abc")]
    body = (f"<p>{dateline} {p.org} {d.title.split(' ', 2)[-1]}. {d.teaser}</p><p>{_e(p.rng.choice(_PEOPLE))}, "
            f"the chair, said: &ldquo;This is a good day for everyone who worked on it.&rdquo;</p><p>Ends</p>"
            f"<h3>Notes to editors</h3><p>{p.org} was founded in 1987.</p>")
    picks = p.rng.sample(_SIDE_READS, 3)
    p.side_titles += picks
    related = "".join(f'<li><a href="/news/r{n}">{t}</a> <span>{p.date(d.day - dt.timedelta(days=30 * (n + 1)))}'
                      f"</span></li>" for n, t in enumerate(picks))
    main_html = (f'<main><nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></nav><article '
                 f'class="release"><h1>{_e(d.title)}</h1><div class="release-body">{body}</div></article><aside '
                 f'class="related"><h2>Related news</h2><ul>{related}</ul></aside></main>')
    head = f'<meta property="og:type" content="article"><meta property="og:title" content="{_e(d.title)}">'
    page = _shell(p, main_html, head=head, title=d.title)
    page = page.replace(f'href="{_SITE}/newsroom"', f'href="{_SITE}{d.href}"')
    return page, [Item(d.title, d.day, "press_release", _SITE + d.href)]


FOURTH: dict[str, Callable[[Page], tuple[str, list[Item]]]] = {
    "drupal_submitted": drupal_submitted, "elementor_posts": elementor_posts,
    "squarespace_summary": squarespace_summary, "hashed_classes": hashed_classes,
    "bootstrap_list_group": bootstrap_list_group, "sharepoint_list": sharepoint_list,
    "jsonld_itemlist": jsonld_itemlist, "hatom_abbr": hatom_abbr, "ordinal_meta_under": ordinal_meta_under_teaser,
    "german_listing": german_listing, "french_listing": french_listing, "spanish_listing": spanish_listing,
    "japanese_listing": japanese_listing, "lazy_images_load_more": lazy_images_load_more,
    "template_mobile_copy": template_and_mobile_copy, "hero_repeated": hero_repeated,
    "footer_dated_notices": footer_dated_notices, "most_read_numbered": most_read_numbered,
    "hr_separated": hr_separated, "nested_articles": nested_articles, "read_more_sr_only": read_more_screen_reader,
    "date_row_headers": date_row_headers, "xhtml_bom_stylesheet": xhtml_bom_stylesheet,
    "single_dateline": single_dateline,
}

# Written after this round's first fixes (commit 9f008ba) and scored first seen with `--late` before any further
# change: split F1 0.922 (P 0.865 / R 0.987), 0 false merges, 176 side items taken, date 0.881. Below 1.000:
# footer_div_legal F1 0.819 (62 side items: dated legal notices in a plain <div> footer), two_lists_no_heading 0.814
# (60: a `Most read` list headed by a bold line), class_less_fields 0.984 and date 0.000 (`2021Press release`), and
# more_news_on_release 0.131 (a release page with a `More from the newsroom` card grid: see its note).


def mobile_copy_visible(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    desktop = "".join(f'<article class="card"><h3><a href="{d.href}">{_e(d.title)}</a></h3><time datetime='
                      f'"{d.day.isoformat()}">{p.date(d.day)}</time><p>{_e(d.teaser)}</p></article>' for d in drafts)
    mobile = "".join(f'<li><a href="{d.href}">{_e(d.title)}</a> <span class="small">{p.date(d.day)}</span></li>'
                     for d in drafts)
    return _shell(p, f'<main><h1>News</h1><div class="d-none d-md-block cards">{desktop}</div><ul class="d-md-none '
                     f'mobile-list">{mobile}</ul></main>'), _items(drafts)


def archive_widget(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    posts = "".join(f'<div class="post"><h2><a href="{d.href}">{_e(d.title)}</a></h2><div class="post-meta">'
                    f"{p.date(d.day)}</div><p>{_e(d.teaser)}</p></div>" for d in drafts)
    months = "".join(f'<li><a href="/2021/{12 - n:02d}/">{_MONTHS[11 - n]} 2021</a>&nbsp;({n + 3})</li>'
                     for n in range(8))
    cats = "".join(f'<li class="cat-item"><a href="/category/{c.lower()}">{c}</a> (12)</li>'
                   for c in ["News", "Events", "Statements"])
    side = (f'<div class="widget-area"><div class="widget"><h3 class="widget-title">Archives</h3><ul>{months}</ul>'
            f'</div><div class="widget"><h3 class="widget-title">Categories</h3><ul>{cats}</ul></div></div>')
    return _shell(p, f'<div class="content">{posts}</div>', side=side), _items(drafts)


def footer_div_legal(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="release"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="release__date">'
                   f"{p.date(d.day)}</p><p>{_e(d.teaser)}</p></div>" for d in drafts)
    picks = p.rng.sample(_LEGAL, 4)
    p.side_titles += picks
    notices = "".join(f'<div class="notice"><a href="/legal/{n}">{t}</a><span class="date">'
                      f"{p.date(dt.date(2023, 1 + n, 3 + n))}</span></div>" for n, t in enumerate(picks))
    foot = f'<div id="bottom" class="bottom-area"><h4>Policies</h4>{notices}<p>Copyright {p.org}</p></div>'
    return _shell(p, f'<div class="main"><h1>Press releases</h1><div class="releases">{rows}</div></div>',
                  foot=foot), _items(drafts)


def more_news_on_release(p: Page) -> tuple[str, list[Item]]:
    """A release page with a `More from the newsroom` card grid under it. Still read wrong when the page declares
    no article: the markup leaves the side grid out, and the plain-text card template (split.py) then takes it."""
    d = p.drafts(1, 1)[0]
    said = ["The chair said the day was a good one for everyone who had worked on the plan over three long years.",
            "Work starts in the spring and will finish before the end of the year, the board told its members."]
    extra = [f"The board met in the spring and agreed the plan after a long consultation with members, tenants and "
             f"volunteers (part {k})." for k in range(p.rng.choice([0, 4, 8]))]
    body = "".join(f"<p>{t}</p>" for t in [f"{p.org} {d.title.split(' ', 2)[-1]}.", d.teaser, *said, *extra])
    others = p.drafts(4, 6)
    p.side_titles += [o.title for o in others]
    more = "".join(f'<div class="card"><h3><a href="{o.href}">{_e(o.title)}</a></h3><p class="date">{p.date(o.day)}'
                   f"</p><p>{_e(o.teaser)}</p></div>" for o in others)
    main_html = (f'<main><article><h1>{_e(d.title)}</h1><p class="date">{p.date(d.day)}</p>{body}</article><div '
                 f'class="more-news"><h2>More from the newsroom</h2><div class="cards">{more}</div></div></main>')
    head = '<meta property="og:type" content="article">' if p.rng.random() < 0.5 else ""
    page = _shell(p, main_html, title=d.title, head=head).replace(f'href="{_SITE}/newsroom"', f'href="{_SITE}{d.href}"')
    return page, [Item(d.title, d.day, "press_release", _SITE + d.href)]


def hero_other_markup(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(4, 9)
    top = drafts[0]
    hero = f'<div class="hero"><a href="{top.href}"><h2>{_e(top.title)}</h2><p>{_e(top.teaser)}</p></a></div>'
    rows = "".join(f'<div class="row-item"><span class="date">{p.date(d.day)}</span><h3><a href="{d.href}">'
                   f"{_e(d.title)}</a></h3></div>" for d in drafts)
    return _shell(p, f'<main>{hero}<h2>Latest</h2><div class="rows">{rows}</div></main>'), _items(drafts)


def table_bold_header(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(5, 12)
    rows = "".join(f'<tr><td>{p.date(d.day)}</td><td><a href="{d.href}">{_e(d.title)}</a></td></tr>' for d in drafts)
    head = "<tr><td><strong>Date</strong></td><td><strong>Title</strong></td></tr>"
    return _shell(p, f"<main><h1>Releases</h1><table>{head}{rows}</table></main>"), _items(drafts)


def two_lists_no_heading(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<li><a href="{d.href}">{_e(d.title)}</a><br><span>{p.date(d.day)}</span></li>' for d in drafts)
    picks = p.rng.sample(_SIDE_READS, 3)
    p.side_titles += picks
    side = "".join(f'<li><a href="/f/{n}">{t}</a><br><span>{p.date(dt.date(2024, 2, 1) - dt.timedelta(days=5 * n))}'
                   f"</span></li>" for n, t in enumerate(picks))
    return _shell(p, f'<main><h1>News</h1><ul>{rows}</ul><div class="box"><p><strong>Most read</strong></p><ul>'
                     f"{side}</ul></div></main>"), _items(drafts)


def date_in_parentheses(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<li class="item"><a href="{d.href}" title="{_e(d.title)}">{_e(d.title)}</a> <em>'
                   f"({p.date(d.day)})</em></li>" for d in drafts)
    return _shell(p, f'<main><ul class="items">{rows}</ul></main>'), _items(drafts)


def event_date_in_teaser(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="card"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="posted">Posted '
                   f"{p.date(d.day)}</p><p>{_e(d.teaser)} The event takes place on "
                   f"{p.date(d.day + dt.timedelta(days=10))} at the hall.</p></div>" for d in drafts)
    return _shell(p, f'<main><div class="cards">{rows}</div></main>'), _items(drafts)


def class_less_fields(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="sc-1a2b3c NewsCard_root__x1Y2z"><div class="NewsCard_meta__a9"><span>{p.date(d.day)}'
                   f'</span><span>Press release</span></div><a class="NewsCard_link__q1" href="{d.href}"><span '
                   f'class="NewsCard_title__z3">{_e(d.title)}</span></a></div>' for d in drafts)
    return _shell(p, f'<div id="__next"><div class="Layout_main__k2"><div class="NewsList_grid__m4">{rows}</div>'
                     '</div></div><script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>'), \
        _items(drafts)


LATE: dict[str, Callable[[Page], tuple[str, list[Item]]]] = {
    "mobile_copy_visible": mobile_copy_visible, "archive_widget": archive_widget,
    "footer_div_legal": footer_div_legal, "more_news_on_release": more_news_on_release,
    "hero_other_markup": hero_other_markup, "table_bold_header": table_bold_header,
    "two_lists_no_heading": two_lists_no_heading, "date_in_parentheses": date_in_parentheses,
    "event_date_in_teaser": event_date_in_teaser, "class_less_fields": class_less_fields,
}

if __name__ == "__main__":
    late = "--late" in sys.argv
    sys.exit(main([a for a in sys.argv[1:] if a != "--late"], conventions=LATE if late else FOURTH))
