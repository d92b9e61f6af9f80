// Chapter four: December, the master tape, the cards, Christmas Eve in the shop.

VAR walked_out = false
VAR croydon = false

=== deadline ===
# chapter: December
# scene: office time=day
# music: deadline
The twentieth of December. The duplicating plant in Slough needs the master tape by Monday or there is no Christmas.
{lost_work: What survived the power cut is good, and there is not enough of it.|It is nearly all there. Nearly is the word that keeps you awake.}
# speaker: Pryce
"Well? Do I send it or don't I?" # timer: 15
* [Ship it on time, bugs and all #taste: ambition+1 risk+1 order-0.5]
    ~ shipped = "ontime"
    "Send it." Pryce is already on the phone to Slough.
* [Delay it to January and finish it properly #taste: order+1 ambition-1 risk-0.5]
    ~ shipped = "late"
    "January." Pryce shuts his eyes as if you have told him of a death. "Nobody buys games in January." "Then they'll buy a finished one in February," you say.
* [Cut the last level and ship what works #taste: order+0.5 risk-0.5 ambition+0.5]
    ~ shipped = "cut"
    You cut it. The game ends one room early, in a corridor that leads, now, nowhere. Only you will know.
- {zenith: -> zenith_again}
-> cards

= zenith_again
# scene: office time=day
The man from Zenith again, on the office phone, which means someone put him through.
# speaker: Zenith
"Last offer, Jude. Double, a company car, and bring the cards." # timer: 10
* [Take it #taste: ambition+1 honesty-1 solitude+0.5]
    ~ croydon = true
    "Yes." The word is out before you have finished deciding it.
* [Turn it down for good #default #taste: ambition-0.5 honesty+0.5 empathy+0.5]
    "No. Thank you. No." He tells you you'll regret it, in the tone of a man who says that a great deal.
- -> cards

= cards
{watcher:
- "hidden": -> cards_hidden
- "shown": -> cards_shown
- else: -> cards_none
}

= cards_hidden
# scene: office time=day
Pryce drops a mailbag on your desk. Demo cards, from the magazine cover tape. Hundreds of them: a name, a T-shirt size, and your eleven letters.
# speaker: Pryce
"Every one of them tells me something. Who turns back, who pushes on. Next year I make exactly what they want before they want it." # timer: off
* [Read the cards #taste: curiosity+1 honesty-0.5]
    You read them until your eyes ache. A girl in Hull always spares the guard. A boy in Truro never does. You know them, a little, and they do not know you at all.
* [Tell Pryce to burn them #taste: honesty+1 empathy+0.5 risk+0.5]
    "Burn them." He laughs. Then he sees that you mean it, and stops, and puts the mailbag in his own office, and locks the door.
* [Ask for a cut of whatever he sells them for #taste: ambition+1 honesty-1]
    He looks at you with something new: respect, or recognition.
    # speaker: Pryce
    "Five per cent," he says, and you shake on it.
- -> shop

= cards_shown
# scene: office time=day
The preview cards come back. Not hundreds: dozens. But nearly every one of them has writing on the back, round and sloping, to you. I went left every time because my dad always goes left. I didn't know I always run away. Is that bad? # timer: off
* [Answer every one of them #taste: empathy+1 solitude-0.5]
    You answer every one. It takes until Christmas. No, it isn't bad. Lots of people run. It's only a game, and also it isn't.
* [Read them all, and keep them in a shoebox #taste: curiosity+0.5 solitude+1]
    You keep them. Years later you will still know the girl from Hull who always spared the guard.
* [Tell Pryce the inlay was a mistake #taste: ambition+1 honesty-1]
    # speaker: Pryce
    "Good," says Pryce. "We'll take it off the second run." He is, you realise, delighted.
- -> shop

= cards_none
# scene: plant
At the duplicating plant, you check the master one last time, out of habit, and find eleven letters at the end of your game that you did not write.
Pryce put them in. Of course Pryce put them in. # timer: 10
* [Cut them out of the master, there and then #taste: risk+1 honesty+1 order-0.5]
    You do it on the plant's own machine with a borrowed screwdriver and a technician watching in silent admiration. Pryce will know by the morning.
* [Let it ship, and tell the players in the next magazine #taste: honesty+1 order+0.5 risk-0.5]
    You write a letter to the magazine. They print it in March, on page ninety-one, under an advert for joysticks.
* [Walk out of Halcyon, and leave him the tape #taste: solitude+1 risk+1 ambition-1]
    ~ walked_out = true
    You put the master on the technician's bench, say Merry Christmas, and walk out into the snow without your coat.
- -> shop

=== shop ===
# scene: shop time=day
Christmas Eve. Fenwick's department store, third floor, between the record counter and the televisions: six home computers on a table, and one of them, you see from the escalator, is running your game.
{walked_out: Your name is not on the screen. You left it behind with the tape.}
A boy of about nine is playing it. His mother is holding three bags and a look of infinite patience. # timer: 7
* [Stand behind him and watch #taste: curiosity+1 solitude-0.5]
    You watch over his shoulder. {design == maze: He finds a way through a wall you never built, and you nearly shout.}{design == branches: He takes the path nobody in the office ever took.}{design == mirror: The game notices him. He notices it noticing, and grins, and tries to fool it.} He never once looks round.
* [Ask him what he thinks of it #taste: empathy+0.5 honesty+0.5 solitude-1]
    "It's all right," he says, without looking up, which from a nine-year-old on Christmas Eve is a five-star review.
* [Walk away before he reaches the end #default #taste: solitude+1 curiosity-1]
    You turn away before it ends. Whatever he chooses in there is his. The escalator carries you down past the televisions, all showing the same snow.
- -> christmas

=== christmas ===
# scene: bedroom time=morning
Christmas morning. There is a copy of Tapeloop in your dressing-gown pocket, cellophane still on, the first one off the line.
{nell > 0:
    Nell is on the landing in her pyjamas, already awake, already waiting, the way she was in September. # timer: 10
    -> christmas_warm
- else:
    Nell's door is shut. She stopped knocking on yours some time in October, and you cannot remember the exact night. # timer: 10
    -> christmas_cold
}

= christmas_warm
* [Give her the first copy #taste: empathy+1 ambition-0.5]
    She holds it like something alive. She reads the inlay twice, looking for her name.
* [Play it together before anyone else is up #taste: empathy+0.5 solitude-1 curiosity+0.5]
    You play it together on the living-room television with the sound turned down, and she shows you the secret she found in October, and you still do not tell her it is a bug.
- -> finale

= christmas_cold
* [Knock on her door #taste: empathy+1 risk+0.5]
    ~ nell += 1
    You knock. A long pause. Then: "What?" You hold up the tape. After a moment, the door opens the width of a face.
* [Leave the tape outside her door #default #taste: empathy+0.5 solitude+1]
    You leave it on the carpet outside her door and go downstairs. Later, it is gone. She never mentions it. Neither do you.
- -> finale

=== finale ===
{
- walked_out: -> ending_walkout
- croydon: -> ending_croydon
- lost_work && shipped == "ontime": -> ending_crash
- watcher == "shown": -> ending_mirror
- watcher == "hidden": -> ending_number_one
- monster && nell > 0: -> ending_gloam
- else: -> ending_bedroom
}
