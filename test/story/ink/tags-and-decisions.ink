# title: The Night Desk
# author: Ann Lee
# dimension: risk = Thrill-seeking / Caution
# dimension: care = Caring / Detached
# timer: 12
# poster: assets/poster.png
# poster: assets/dark.png when risk+
# theme: dark
-> office.desk

== office ==
= desk
The phone rings. # scene: office # speaker: Ann
# timer: 8
# frobnicate: yes
Someone is waiting. # timer: 6
* [Answer it #taste: risk+1 care+0.5] You answer.
  -> hall
* [Let it ring #default #taste: risk-1]
  It stops.
  -> quiet

== hall ==
The hall is dark. # BACKGROUND: assets/hall.jpg # AUDIOLOOP: assets/hum.ogg
{~A draught.|A creak.|A hum.}
* {visited < 2} Go back -> office.desk
* Wait # IMAGE: assets/clock.png
  -> quiet
* Leave
  -> quiet

== quiet ==
~ visited = visited + 1
It is quiet now. # AUDIO: assets/click.mp3
{five()} minutes pass.
-> END

VAR visited = 0

== function five ==
~ return 5
