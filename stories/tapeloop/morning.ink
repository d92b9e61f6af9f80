// Chapter one: a Tuesday in September 1986, the bedroom, the kitchen, the way to work.

=== morning ===
# chapter: Tuesday
# scene: bedroom time=morning weather=rain
# music: tuesday
Tuesday, the ninth of September, 1986.
The clock radio clicks on at seven with the weather: rain over the Pennines, clearing later, perhaps. Beside the bed, the Corona 48 you built your whole summer around sits under a tea towel, its cassette deck still holding last night's save.
Today you take your game to Halcyon Soft. Today someone who is not your sister sees it. # timer: 10
* [Get up at once #taste: order+1 ambition+0.5]
    You are up before the forecast finishes, socks on, tape in your pocket.
* [Five more minutes #default #taste: order-1 risk+0.5]
    ~ late = true
    Five minutes become twenty-five. You wake with the weather already over and the news halfway through a story about a strike, and the tape is not in your pocket, it is in the machine, and the machine is on the other side of the room.
- -> kitchen

=== kitchen ===
# scene: kitchen time=morning weather=rain
# speaker: Nell
"Jude. Jude, look."
Your sister is eleven and has covered the kitchen table in felt-tip monsters. The biggest has three eyes and a shopping bag. {late: She has been waiting to show you for forty minutes and has the face of someone who is about to stop waiting.}
# speaker: Nell
"It's for your game. It's called the Gloam. It eats save files."
{late:
    She holds it up, already lowering it. # timer: 5
- else:
    She holds it up with both hands. # timer: 12
}
* [Sit down and look at every one of them properly #taste: empathy+1 solitude-0.5 ambition-0.5]
    ~ nell += 1
    You look. You ask questions. The Gloam, it turns out, is lonely rather than wicked, and only eats save files because nobody has played with it. {late: You are now very late, and you do not regret it.}
* [Fold them into your bag to look at later #taste: empathy+0.5 curiosity+0.5]
    ~ Pocket += drawings
    She watches you fold the Gloam in half. "Don't crease his eyes," she says. You try not to.
* [Tell her you haven't time today #default #taste: empathy-1 ambition+1]
    ~ nell -= 1
    "Not now, Nell. Tonight." She nods as though she has heard tonight before.
- -> the_way

=== the_way ===
# scene: street time=morning weather=rain
Halcyon Soft is above a carpet shop on the far side of town. There is the bus, which is slow and full of people; the canal towpath, which is long and empty; and the old railway yard, which is quick and fenced and says KEEP OUT in letters that have been politely ignored for years. {late: You are late. The railway yard is very quick.} # timer: 7
* [Take the bus #default #taste: solitude-1 risk-0.5]
    -> bus
* [Walk the towpath #taste: solitude+1 curiosity+0.5]
    -> towpath
* [Climb the fence into the railway yard #taste: risk+1 order-0.5]
    -> yard

= bus
# scene: bus time=morning weather=rain
The top deck smells of wet coats. The boy in the seat in front is reading a games magazine with a review of a game you hate, and it has got nine out of ten.
# speaker: Boy
"You into computers? This is the best game ever made." # timer: 10
* [Tell him, at length, why it isn't #taste: honesty+1 empathy-0.5 solitude-0.5]
    You tell him about the collision detection, the recycled music, the ending that is just the title screen again. He listens with growing horror and then says, "Well what's yours, then?" and you realise you are going to have to be very good.
* [Ask him what he likes about it #taste: curiosity+1 empathy+0.5]
    He likes that it remembers him. It keeps his name on the high score table even after he switches it off. "It knows I was there," he says. You write that on the back of your hand.
* [Agree and look out of the window #taste: honesty-0.5 solitude+0.5]
    "Yeah. Great game." The town slides by, grey and wet. He goes back to his magazine, satisfied, and you feel oddly as though you have been marked down somewhere.
- -> halcyon

= towpath
# scene: towpath time=morning weather=rain
The towpath is all dripping hawthorn and the flat brown water. A heron lifts off as you pass, unhurried, like a thought you were about to have.
Under the bridge somebody has chalked a maze on the brickwork, huge and careful, with an X in the middle. # timer: 12
* [Trace it with your finger to the middle #taste: curiosity+1 order+0.5]
    It takes four minutes and it is a good maze: it makes you turn your back on the X twice before it lets you reach it. In the middle someone has written, very small: WHO'S WATCHING. You are later than you meant to be and thinking about mazes.
* [Leave it, and keep walking #taste: curiosity-1 ambition+0.5]
    You keep walking. Behind you the heron comes back down to the water, as if you had never been there.
- -> halcyon

= yard
# scene: rail-yard time=morning weather=rain
You are over the fence with a rip in your sleeve and rust on your palms. The yard is all sleepers and puddles and silent wagons, and at the far end, a man in a railway coat turns and sees you.
# speaker: Yard man
"Oi!" # timer: 5
* [Run for the far gate #default #taste: risk+1 honesty-0.5]
    You run. You are fast and he is not bothered enough to be faster. You reach the street with your heart going like a drum solo and the tape, thank God, still in your pocket.
* [Stop and explain you're late for work #taste: honesty+1 risk-0.5]
    You explain. He looks at you for a long time and then lets you out of the side gate. "Computer games," he says, as if it explains the rip in your sleeve, which perhaps it does.
- -> halcyon
