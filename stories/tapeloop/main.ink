# title: Tapeloop
# author: inkreel contributors
# blurb: 1986. You are nineteen, you have written a game for a home computer, and today you take it to Halcyon Soft. By Christmas, the game will be writing back.
# look: crt-1986
# dimension: risk = Thrill-seeking / Caution
# dimension: empathy = Warmth / Detachment
# dimension: curiosity = Curiosity / Restraint
# dimension: honesty = Candour / Discretion
# dimension: order = Order / Improvisation
# dimension: ambition = Ambition / Contentment
# dimension: solitude = Solitude / Company
# timer: 10
# poster: assets/poster.webp
# poster: assets/poster-risk.webp when risk+
# poster: assets/poster-ambition.webp when ambition+
# poster: assets/poster-curiosity.webp when curiosity+
# poster: assets/poster-solitude.webp when solitude+
# poster: assets/poster-empathy.webp when empathy+
# theme: dark

// 1986. A nineteen-year-old writes a game for a home computer, and the game starts writing back.
// Files: morning (chapter one), halcyon (two), nights (three), deadline (four), endings.

LIST Pocket = drawings, black_notebook, offer_letter, inlay_card
LIST Design = maze, branches, mirror
VAR design = ()
VAR late = false
VAR team = "home"
VAR nell = 0
VAR read_notebook = false
VAR watcher = "none"
VAR lost_work = false
VAR shipped = "late"
VAR zenith = false
VAR monster = false

-> morning

INCLUDE morning.ink
INCLUDE halcyon.ink
INCLUDE nights.ink
INCLUDE deadline.ink
INCLUDE endings.ink
