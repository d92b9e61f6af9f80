// The endings. Each closes with one last choice, because the game is not quite done with you.

=== ending_number_one ===
# ending: Number One
# scene: office time=day
# music: ending
Tapeloop is number one in the charts for five weeks. Pryce buys a car the colour of a boiled sweet.
By Easter the mailbags come twice a week, and Halcyon's next three games are made from them, and every one of them sells. They are the games people wanted. Nobody quite remembers wanting them.
# speaker: Pryce
"Next one," says Pryce. "The cards say they want horses." # timer: 12
* [Make them horses #taste: ambition+1 order+0.5]
    You make them horses. They love the horses.
* [Make them something the cards never asked for #taste: curiosity+1 risk+1 ambition-0.5]
    You make them something nobody asked for. It sells nine copies. You have never been prouder of anything.
- THE END: Number One
-> END

=== ending_crash ===
# ending: Level Nine
# scene: void
# transition: cut
# music: glitch
Tapeloop ships on time with the last three weeks of work missing, and on level nine, on every machine in the country, it crashes to a black screen with a single blinking cursor.
The reviews are cruel. The letters are not. For twenty years, people write to ask what was past level nine. # timer: 10
* [Tell them: nothing, it was never finished #taste: honesty+1 order+0.5]
    You tell them the truth. Some are disappointed. More are somehow delighted, as if a door had turned out to be a painting of a door.
* [Tell them: everything, they just haven't found it #taste: honesty-1 curiosity+1]
    You tell them it is all there. For twenty years, people keep looking. Some of them are still looking.
- THE END: Level Nine
-> END

=== ending_gloam ===
# ending: The Gloam
# scene: bedroom time=day
# music: ending
Tapeloop comes out in February, late and finished. It sells steadily and quietly, the way good shoes do.
In the deepest room there is a monster with three eyes and a shopping bag who will only let you pass if you stay and play with him for a while. Children write to Halcyon about him. Nell reads every letter at the kitchen table, and answers the ones with drawings in them.
# speaker: Nell
"Are you going to make another one?" # timer: off
* [Yes, and she's writing it with you #taste: empathy+1 solitude-1 ambition+0.5]
    "Only if you design the monsters." She is already reaching for the felt-tips.
* [No. One was enough #taste: ambition-1 solitude+0.5]
    "No. One was the right number." She looks at you as if you have said something very grown-up and slightly sad, which you have.
- THE END: The Gloam
-> END

=== ending_croydon ===
# ending: Croydon
# scene: office time=day weather=rain
# music: ending
Zenith gives you a company car you cannot drive and an office with a window onto a ring road. Your first Zenith game is made from a sack of Halcyon's cards, which you brought, as asked.
It is very good. It knows exactly what its players will choose. You never meet any of them. # timer: 10
* [Drive the car home for Christmas anyway #taste: risk+1 empathy+0.5]
    You stall it eleven times on the way north. Nell thinks it is the funniest thing that has ever happened.
* [Stay in Croydon over Christmas and work #default #taste: solitude+1 ambition+1]
    The office is empty and warm and the ring road sounds, at night, almost like the sea.
- THE END: Croydon
-> END

=== ending_walkout ===
# ending: Without a Name
# scene: street time=day
# music: ending
You never work in games again. Tapeloop ships without your name, and does fine, and is forgotten, as most things are.
Years later, in a car-boot sale, you find a copy for ten pence. On the inlay someone has written, in biro: best game ever, nobody's heard of it. # timer: 12
* [Buy it #taste: empathy+0.5 curiosity+0.5]
    You pay ten pence for your own life and carry it home in your coat pocket.
* [Leave it for somebody else to find #taste: solitude+1 curiosity-0.5]
    You put it back. Somebody else ought to have it, somebody for whom it is just a game.
- THE END: Without a Name
-> END

=== ending_bedroom ===
# ending: Bedroom Coder
# scene: bedroom time=dusk
# music: ending
Tapeloop comes out, and a few thousand people play it, and it is reviewed in two magazines, one kindly. You go back to Halcyon in January and start on the next one.
It is not a triumph. It is a life. You notice, some evenings, that you are happier than anybody in the charts. # timer: 10
* [Start the next game tonight #taste: ambition+1 solitude+0.5]
    The Corona hums under its tea towel. You take the tea towel off.
* [Take the evening off #taste: ambition-1 solitude-0.5]
    You go downstairs. Nell is watching a film about a shark. You watch it with her and do not think once about sprites.
- THE END: Bedroom Coder
-> END

=== ending_mirror ===
# ending: Tapeloop
# scene: void
# music: glitch
# CLEAR
Tapeloop sells modestly and is remembered enormously, mostly for its last screen, which tells each player, in plain words, what it noticed about them.
Years later, a man writes to you to say that the last screen was the first time anything had told him what it had been keeping. He says it felt like being seen, and also like being caught, and that he still is not sure which.
You know the feeling. You have it now.
Because this story has been keeping things too. It knows that you {late:slept in|got up at once}, that you {the_way.bus:took the bus|{the_way.towpath:walked the towpath|climbed into the railway yard}}, that you {read_notebook:read what was not yours to read|left the notebook alone}, that you {lost_work:trusted the lights|saved in time}. It timed how long you took over each of those. It drew conclusions.
The difference is that it will show you. Everything it wrote down, and what it guessed from it, and how sure it is, is in the report, and none of it has left this machine. # timer: off
* [Open the report #taste: curiosity+1 honesty+0.5]
    Go on, then. It is at the top of the screen, under Report. Check its working. Tell it where it is wrong, and delete what you would rather it had not kept.
* [Don't look; some things you would rather not be told #taste: curiosity-1 solitude+0.5]
    That is a choice too. It has written it down. It is in the report, whenever you want it, and you can delete it there.
- THE END: Tapeloop
-> END
