# title: Loop (bench)
# author: inkreel bench
# blurb: A bench-only story that never ends: three places in turn, a decision in each, scene changes and music cues like the shipped stories.
# look: sodium
# dimension: risk = Thrill-seeking / Caution
# dimension: empathy = Warmth / Detachment
# timer: 10
# theme: dark

// Bench only (bench/long-session.ts): 1 000 decisions of this loop, counting heap, textures,
// audio nodes and listeners. Sticky choices (+), so every lap offers the same decisions.

VAR laps = 0

-> desk

=== desk ===
~ laps = laps + 1
# scene: hotel-desk time=night weather=rain
# music: midnight
The bell over the door rings. Lap {laps}.
A guest shakes the rain off a coat and looks at the key board.
+ [Give them the key to room four #taste: empathy+1]
  You hand over the key; they thank you twice.
+ [Ask to see some identification #taste: empathy-1 #default]
  They find a library card and hold it out like a ticket.
- -> roof

=== roof ===
# scene: rooftop time=night weather=rain
# music: roof
Up on the roof the town is asleep and the rain is thin.
+ [Stand at the edge and look down #taste: risk+1]
  The street below shines like a river.
+ [Stay by the door #taste: risk-1 #default]
  The door is warm from the boiler room.
- -> dawn

=== dawn ===
# scene: street time=dawn weather=clear
# transition: dip
# music: two-ten
Dawn comes up grey over the rail yard.
+ [Walk to the station #taste: risk+1]
  The first train is late, as it always is.
+ [Go back inside #default #taste: risk-1]
  The lobby smells of coffee and wet wool.
- -> desk
