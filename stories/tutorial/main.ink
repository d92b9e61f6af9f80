# title: How inkreel Works
# author: inkreel contributors
# blurb: A three-minute guided tour of how stories play here: the clock on every choice, what gets recorded, and where you can see it.
# dimension: curiosity = Curiosity / Restraint
# dimension: risk = Thrill-seeking / Caution
# dimension: order = Order / Improvisation
# timer: 12
# poster: assets/poster.webp
# poster: assets/poster-curiosity.webp when curiosity+
# poster: assets/poster-risk.webp when risk+
# theme: dark

// A short guided tour: every tag of DESIGN.md §2 appears below at least once, doing what it says.

VAR hurried = false

-> welcome

=== welcome ===
# chapter: The Screen
# BACKGROUND: assets/dusk-wide.png
# AUDIOLOOP: assets/hum.wav
This is a story about how stories work here. It will take about three minutes.
The title card that came and went just now, and the line by the story's name that says which chapter you are in, come from a chapter tag: longer stories are split into chapters, so you always know how far along you are.
# IMAGE: assets/reel.png
That little reel is an image placed in the flow of the text. The dusk behind these words is a background picture, and the low hum you may hear is a sound set to loop.
# pause: 1.5
Some lines wait a moment before the next one arrives, the way that one just did.
# speaker: Guide
Hello. I am the guide. When a line belongs to somebody, their name appears beside it.
# speaker: Guide
# CLASS: aside
I can also be styled differently, as an aside, if the author asks for it.
Now, your first choice. The bar beneath the options is a clock. When it runs out, the story picks for you: here, the option marked as the default. You can change how much time you get in Settings, switch the clocks off completely, or ask for more time on any decision. # timer: 12
* [Tell me about the clock #taste: curiosity+1 order+0.5]
    -> clock
* [Just let me play #taste: curiosity-0.5 risk+0.5]
    -> play_first
* [Say nothing, and see what happens #default #taste: curiosity+0.5 risk+0.5 order-0.5]
    -> ran_out

=== clock ===
# AUDIO: assets/chime.wav
# speaker: Guide
Every decision has a window. The author sets a default for the whole story and can change it for any single decision: short when the moment is urgent, long when it is heavy, or no clock at all.
# speaker: Guide
If the clock runs out, the option the author marked as default is taken, and the record notes that the clock chose, not you. The report treats a timed-out decision as weak evidence about you. # timer: 10
* [That seems fair #taste: order+1 risk-0.5]
    -> report_intro
* [Can I try a fast one? #taste: risk+1 curiosity+0.5]
    -> fast

=== play_first ===
# speaker: Guide
Fair enough. One thing before you go, and then you can play. # timer: 10
* [Go on, then #taste: curiosity+0.5 order+0.5]
    -> report_intro
* [Give me the fast one first #taste: risk+1 order-0.5]
    -> fast

=== ran_out ===
# AUDIO: assets/chime.wav
# speaker: Guide
You let the clock run out, so the story took the default for you. That is allowed; it is how many people watch the first few minutes of an interactive film. The record notes that this one was the clock's choice, not yours. # timer: 10
* [Show me a fast one #taste: risk+1 curiosity+0.5]
    -> fast
* [Tell me what gets recorded #taste: curiosity+1 order+0.5]
    -> report_intro

=== fast ===
# bg: \#3a1020
The background is now a plain colour, set by the author.
Three seconds. Quick. # timer: 3
* [Left #taste: risk+0.5]
    You went left, quickly.
* [Right #taste: risk-0.5 order+0.5]
    You went right, quickly.
* [Freeze #default #taste: risk-1]
    ~ hurried = true
    You froze, which is what the default was for. Under pressure, it is the story's way of saying: hesitation is an answer too.
- -> report_intro

=== report_intro ===
# chapter: The Record
# scene: office
# music: record
# AUDIOLOOP: none
The hum has stopped, and the background is now one of the engine's drawn scenes, an office, because this is the part about paperwork.
# speaker: Guide
Every choice you make is written down, here, on this device, and nowhere else. Nothing is sent anywhere: there are no network calls at all.
# speaker: Guide
For each decision the record keeps: where in the story it was, the options you were offered and what each was tagged to say about you, which one you picked, how long you took, how long you had, whether the clock ran out, and whether you used a mouse, keys or touch. It also notes when a session starts and ends, when you rewind, and which ending you reached.
# speaker: Guide
From those, the report estimates your tastes, like caution or curiosity, with how sure it is and which choices moved it most. # timer: off
* [Where do I see it? #taste: curiosity+1]
    # speaker: Guide
    Open the report, at \#/report, from the menu at any time. It lists every event it kept; you can export it, delete one choice or delete everything, pause recording, or play without anything being stored at all.
* [What is it for? #taste: curiosity+0.5 order+0.5]
    # speaker: Guide
    Only for you to see, and to choose the poster art on the home screen, which leans towards what you seem to like. The report says which poster it showed and why, and you can switch that off. Open it at \#/report.
- -> last

=== last ===
# CLEAR
# ending: The Tour
# music: ending
That was the tour. The screen was just cleared, by a tag, so the ending starts fresh.
When a story ends, a card names the ending you reached, counts how many of its endings you have found so far, and lays out the path you took, chapter by chapter, with a way to go back to any decision and choose again.
{hurried: You froze on the fast one. The report will show that decision, and the clock's part in it.}
Play one of the real stories next, then open \#/report and see what it made of you. # timer: off
* [Finish the tutorial #taste: order+0.5]
    THE END: The Tour
    -> END
* [Take the tour again from the start #taste: curiosity+0.5 order-0.5]
    Back to the beginning, then. # RESTART
    -> END
