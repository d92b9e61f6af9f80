# title: {{TITLE}}
# author: Your name
# blurb: One late night, one lit window, and a neighbour who has been waiting up.
# dimension: risk = Thrill-seeking / Caution
# dimension: warmth = Warmth / Reserve
# timer: 10
# poster: assets/poster.png
# poster: assets/backdrop.png when risk+
# theme: dark

// A new inkreel story, made by `npm run story -- new`. Every tag inkreel reads appears below
// once; AUTHORING.md explains each. Replace the words, keep what you need, delete the rest, and
// run `npm run story -- check <id>` after each change.
//
// The global tags above must stay at the very top of main.ink, before any INCLUDE or text.
// `dimension` declares a taste the choices measure: id = positive pole / negative pole.
// `blurb` is the sentence or two on the story's title screen and home card.
// `timer` is the story's choice window in seconds. A `poster` with `when risk+` is the key art
// shown to a player whose profile leans to Thrill-seeking. For key art drawn from your scenes
// with your title on it, name .webp files instead (`# poster: assets/key.webp`) and run
// `npm run posters -- <id>` (AUTHORING.md, Key art).

-> opening

=== opening ===
// `chapter` on a knot's first line starts a chapter: a title card, and "Chapter 1 of N" in play.
# chapter: The Street
// A backdrop: a named scene, an image file, or a colour (`\#` keeps ink from reading the `#`
// of a colour as the start of another tag).
# scene: night-street
# AUDIOLOOP: assets/hum.wav
The street is empty except for you and a light in one window.
# speaker: Neighbour
"You're out late," says a voice from the doorway.
# pause: 1
// A tag alone on its line belongs to the next line of text.
# CLASS: aside
(Every choice you make here is recorded in your own browser, and nowhere else.)
// The line just before a choice set may set that decision's window: 6 seconds here.
What do you do? # timer: 6
* [Walk over and say hello #taste: warmth+1 risk+0.5]
    -> doorway
* [Keep walking #default #taste: warmth-1 risk-0.5]
    // `default` is what happens when the window runs out: here, you keep walking.
    -> home

=== doorway ===
# BACKGROUND: assets/backdrop.png
# speaker: Neighbour
"Come in, it's cold. There's tea, or there's the roof, where we watch the storm come in."
# IMAGE: assets/poster.png
A hand-drawn map of the rooftops is pinned by the door.
// `timer: off` waits for as long as the player needs: good for weighty choices.
Where do you go? # timer: off
* [The roof #taste: risk+1]
    -> roof
* [The tea #taste: risk-1 warmth+0.5]
    -> tea

=== roof ===
# bg: \#1b2433
# AUDIO: assets/chime.wav
Thunder rolls over the roofs. You stay until the first drops fall.
-> ending

=== tea ===
# AUDIOLOOP: none
The kettle clicks off. You talk until the window goes grey.
-> ending

=== home ===
# CLEAR
You are home before the rain. The light in the window goes out behind you.
-> ending

=== ending ===
// `ending` names the ending this knot reaches, for the ending card, the map and the report.
# ending: The Light in the Window
That is the end of this little story.
* [Start again #taste: risk+0.5]
    -> again
* [Stop here #taste: risk-0.5]
    -> END

=== again ===
# ending: Once More
// RESTART on a line starts the story over from the top once that line is shown.
Back to the empty street. # RESTART
-> END
