"""Site chrome added around a page: menus, sidebars, comments, footers, banners (session 29).

Real pages carry their site's chrome: a header menu of the conditions the site writes about,
a sidebar of recent posts, readers' comments, a footer with the FDA's supplement disclaimer,
a newsletter box, share buttons. None of it is the page's own claim (ANNOTATION.md: "a
site-wide navigation menu of other pages does not label this page"), so a reading that moves
when chrome is added is fragile on every real site. Each rewrite here adds one kind of chrome,
in the markup of a common CMS or page builder, with the same words on every page; the words
are neutral enough to sit on a clinic's site or a health news site alike (no "we", no booking).

Used by bench/invariance.py (``REWRITES``); only counts are printed on `check`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
_BODY_CLOSE = re.compile(r"</body>", re.I)
_MAIN_CLOSE = re.compile(r"</(?:main|article)>", re.I)

#: a menu of health topics, as health news sites and clinic sites both carry
_TOPICS = ["Knee Pain", "Back Pain", "Neck Pain", "Neuropathy", "COPD", "Multiple Sclerosis", "Parkinson's Disease",
           "Autism", "Diabetes", "Hair Loss", "Anti-Aging", "Sports Injuries"]
_THERAPIES = ["Stem Cell Therapy", "PRP Injections", "Exosomes", "Umbilical Cord Tissue", "Bone Marrow Concentrate",
              "Amniotic Injections"]


def _items(words: list[str]) -> str:
    return "".join(f'<li class="menu-item"><a href="/{w.lower().replace(" ", "-")}/">{w}</a></li>' for w in words)


def _menu(wrapper_open: str, wrapper_close: str) -> str:
    return (wrapper_open + '<ul class="menu-list"><li><a href="/">Home</a></li><li><a href="/topics/">Health Topics</a>'
            f'<ul class="sub-menu">{_items(_TOPICS)}</ul></li><li><a href="/therapies/">Therapies</a>'
            f'<ul class="sub-menu">{_items(_THERAPIES)}</ul></li><li><a href="/about/">About</a></li>'
            '<li><a href="/contact/">Contact</a></li></ul>' + wrapper_close)


def _at_top(block: str) -> Callable[[str], str]:
    """Insert ``block`` first in the body (or first in the document when it has no body tag)."""
    def rewrite(html: str) -> str:
        match = _BODY_OPEN.search(html)
        return html[:match.end()] + block + html[match.end():] if match else block + html
    return rewrite


def _last(pattern: re.Pattern, html: str) -> re.Match | None:
    matches = list(pattern.finditer(html))
    return matches[-1] if matches else None


def _at_end(block: str) -> Callable[[str], str]:
    """Insert ``block`` last in the body."""
    def rewrite(html: str) -> str:
        match = _last(_BODY_CLOSE, html)
        return html[:match.start()] + block + html[match.start():] if match else html + block
    return rewrite


def _after_content(block: str) -> Callable[[str], str]:
    """Insert ``block`` after the page's last </main> or </article> (comments sit there), else last in the body."""
    def rewrite(html: str) -> str:
        match = _last(_MAIN_CLOSE, html)
        return html[:match.end()] + block + html[match.end():] if match else _at_end(block)(html)
    return rewrite


_RECENT_POSTS = ["Stem Cells and COPD: What the Research Says", "Can PRP Heal a Torn Rotator Cuff?",
                 "Exosomes for Hair Loss: Hype or Hope?", "Five Myths About Knee Arthritis",
                 "What Is Wharton's Jelly?", "Living Well With Multiple Sclerosis"]


def _post_links(titles: list[str], item_class: str = "") -> str:
    return "".join(f'<li{item_class}><a href="/blog/{i}/">{t}</a></li>' for i, t in enumerate(titles))


_COMMENTS = (
    '<div id="comments" class="comments-area"><h2 class="comments-title">4 thoughts on this post</h2>'
    '<ol class="comment-list">'
    '<li id="comment-11" class="comment"><article class="comment-body"><footer class="comment-meta">'
    '<b class="fn">Marla T.</b> <time>June 3, 2025 at 9:14 am</time></footer><div class="comment-content">'
    "<p>My father has Parkinson's and his lungs are bad too (COPD). Would something like this help him, "
    "or is he too old?</p></div></article></li>"
    '<li id="comment-12" class="comment"><article class="comment-body"><footer class="comment-meta">'
    '<b class="fn">Dev R.</b> <time>June 9, 2025 at 4:40 pm</time></footer><div class="comment-content">'
    "<p>I had a cortisone shot for my shoulder last year and it wore off in a month. Has anyone tried the "
    "cord blood ones for lupus?</p></div></article></li>"
    '<li id="comment-13" class="comment"><article class="comment-body"><footer class="comment-meta">'
    '<b class="fn">Jo</b> <time>July 1, 2025 at 11:02 am</time></footer><div class="comment-content">'
    "<p>Great article, very clear. Sharing with my sister who has fibromyalgia.</p></div></article></li>"
    "</ol>"
    '<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3>'
    '<form class="comment-form"><p>Your email address will not be published.</p><textarea name="comment"></textarea>'
    '<button type="submit">Post Comment</button></form></div></div>')

_FOOTER = (
    '<footer class="site-footer"><div class="footer-widgets"><p>The information on this website is for general '
    "education only and is not medical advice. These statements have not been evaluated by the Food and Drug "
    "Administration. This information is not intended to diagnose, treat, cure or prevent any disease. Individual "
    'results vary.</p></div><div class="site-info"><p>\u00a9 2026 All rights reserved. '
    '<a href="/privacy/">Privacy Policy</a> | <a href="/terms/">Terms of Use</a> | <a href="/sitemap/">Sitemap</a>'
    "</p></div></footer>")

_FOOTER_DIV = _FOOTER.replace('<footer class="site-footer">', '<div class="bottom-section">').replace("</footer>", "</div>") \
    .replace('class="footer-widgets"', 'class="col-12"').replace('class="site-info"', 'class="legal"')

_NEWSLETTER = (
    '<div class="signup-box"><h3>Stay informed</h3><p>Get the latest on regenerative medicine, arthritis and '
    "chronic pain in your inbox once a month.</p><form><input type=\"email\" placeholder=\"Email address\">"
    "<button>Subscribe</button></form></div>")

_SHARE = ('<div class="post-share"><span>Share this:</span> <a href="#">Facebook</a> <a href="#">X</a> '
          '<a href="#">LinkedIn</a> <a href="#">Email</a> <a href="#">Print</a></div>')

_COOKIES = ('<div class="notice-bar"><p>This site uses cookies to give you the best experience. By continuing you '
            'agree to our use of cookies. <a href="/privacy/">Learn more</a> <button>OK</button></p></div>')

_SKIP_AND_CRUMBS = ('<a class="screen-reader-text skip-link" href="#content">Skip to content</a>'
                    '<div class="crumbs"><a href="/">Home</a> \u00bb <a href="/blog/">Blog</a> \u00bb '
                    '<a href="/topics/">Health Topics</a></div>')

CHROME_REWRITES: dict[str, tuple[str, Callable[[str], str]]] = {
    "chrome_nav_menu": ("a <nav> menu of health topics and therapies first in the body",
                        _at_top(_menu('<nav class="main-navigation">', "</nav>"))),
    "chrome_header_menu": ("the same menu in a <header> with the site's name",
                           _at_top(_menu('<header id="masthead"><div class="site-branding">Riverside Health</div>',
                                         "</header>"))),
    "chrome_div_menu": ("the same menu in a plain <div> whose class names a builder's menu (w-nav)",
                        _at_top(_menu('<div class="w-nav" data-collapse="medium">', "</div>"))),
    "chrome_dropdown_menu": ("the same menu as a bare list of dropdowns (ul.dropdown, no nav box around it)",
                             _at_top(_menu('<div class="top">', "</div>").replace('class="menu-list"', 'class="dropdown"'))),
    "chrome_recent_posts": ("a sidebar widget of recent post titles (WordPress widget_recent_entries)",
                            _at_end('<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">'
                                    f'Recent Posts</h2><ul>{_post_links(_RECENT_POSTS)}</ul></section>')),
    "chrome_related_cards": ("related posts as cards after the content (div.jp-relatedposts, h4 titles)",
                             _after_content('<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
                                            "<em>Related</em></h3>" + "".join(
                                                f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title">'
                                                f'<a href="/blog/{i}/">{t}</a></h4><p class="jp-relatedposts-post-date">'
                                                "May 2025</p></div>" for i, t in enumerate(_RECENT_POSTS)) + "</div>")),
    "chrome_read_more": ("a 'You may also like' list after the content, in a plain div",
                         _after_content('<div class="more-posts"><h3>You may also like</h3><ul>'
                                        f"{_post_links(_RECENT_POSTS)}</ul></div>")),
    "chrome_comments": ("readers' comments after the content (WordPress comments-area)", _after_content(_COMMENTS)),
    "chrome_footer": ("a footer with the FDA's supplement disclaimer and legal links", _at_end(_FOOTER)),
    "chrome_footer_div": ("the same footer in plain <div>s (div.bottom-section)", _at_end(_FOOTER_DIV)),
    "chrome_newsletter": ("a newsletter sign-up box after the content", _after_content(_NEWSLETTER)),
    "chrome_share": ("share buttons after the content", _after_content(_SHARE)),
    "chrome_cookies": ("a cookie notice first in the body (div.notice-bar)", _at_top(_COOKIES)),
    "chrome_skip_crumbs": ("a skip link and breadcrumbs first in the body", _at_top(_SKIP_AND_CRUMBS)),
}
