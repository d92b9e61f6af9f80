// Chapter three: three weeks of nights. Where you work depends on the deal you took.

=== nights ===
# chapter: Nights
{team:
- "office":
    # scene: office time=night
    October. The office after eight, when the carpet shop below has shut and the building ticks as it cools.
- "vesna":
    # scene: office time=night
    October. You and Vesna share a desk, a kettle and an opinion about the Corona's sound chip, which is that it was designed by an enemy.
- else:
    # scene: bedroom time=night
    # scene: office
    # music: nights
    # scene: office
    # music: nights
    # scene: bedroom
    # music: nights
    October. Your bedroom at two in the morning, the Corona's glow on the ceiling, a mug of tea gone cold enough to have a skin.
}
-> week_one

= week_one
Week one. The sprites flicker. Whenever more than three things move at once, your hero turns to static, like a ghost with a bad signal. # timer: 12
* [Tear out the renderer and rewrite it tonight #taste: ambition+1 risk+0.5 order-0.5]
    You rewrite it by dawn. It is faster and stranger, and you understand only most of it.
* [Patch it: never let more than three things move #taste: order-0.5 ambition-0.5 risk-0.5]
    Three things moving at once is a design, you decide. You will call it atmospheric.
* [Write a plan, sleep, fix it properly tomorrow #taste: order+1 risk-1]
    You write it on graph paper, in pencil, with a ruler. It takes two days. It never flickers again.
- {team == "home": -> nell_knocks}
{team == "office": -> pub}
-> vesna_trick

= nell_knocks
# scene: bedroom time=night
A knock at the door, then Nell's voice, pitched low because it is past midnight.
# speaker: Nell
"Jude? Can I play it? Just the first bit?"
{nell > 0: She has the Gloam with her, redrawn on graph paper so you can turn him into pixels.|She sounds as if she expects the answer to be no.} # timer: 8
* [Let her in to play #taste: empathy+1 solitude-1]
    ~ nell += 1
    She plays for an hour, tongue between her teeth. She finds a way through a wall you did not know was there. "That's a secret," she says, delighted, and you do not tell her it is a bug.
* [Tell her to go to bed #taste: empathy-0.5 order+1]
    "It's school tomorrow. Bed." She goes. You hear her not sleeping for a long time.
* [Say nothing, and keep typing #default #taste: empathy-1 solitude+1]
    ~ nell -= 1
    You do not answer. After a while the floorboard outside your door creaks, and she goes away, and you keep typing as if your silence had been an answer somebody else gave.
- -> week_two

= pub
# scene: office time=dusk
Friday. The team is going to the Bell for the quiz, and the quiz needs someone who knows the capital of everything.
# speaker: Vesna
"Come on, Jude. Your sprites will still be broken on Monday." # timer: 8
* [Go to the quiz #taste: solitude-1 empathy+0.5]
    You know the capital of Burkina Faso, which was Upper Volta last year. The team wins a meat raffle. For one evening you belong to something.
* [Stay and work #default #taste: solitude+1 ambition+1]
    You stay. The building is very quiet. You get a great deal done and the quiet goes on, afterwards, into the weekend.
- -> week_two

= vesna_trick
# scene: office time=night
Vesna shows you a trick: by poking a number into one particular address, the Corona will draw in the border, where the manual says nothing can be drawn.
# speaker: Vesna
"It crashes one machine in ten. But the other nine look like nothing anyone has seen." # timer: 10
* [Use it #taste: risk+1 ambition+0.5]
    Your title screen bleeds out into the border like light under a door. It looks like nothing anyone has seen.
* [Don't: one in ten is too many #taste: risk-1 empathy+0.5]
    "One in ten is a lot of children crying on Christmas morning." Vesna considers this. "Fair," she says, and never suggests it again.
- -> week_two

= week_two
# scene: office time=day
~ Pocket += offer_letter
Week two. A letter, forwarded from Halcyon, on thick cream paper: Zenith Software of Croydon have seen a preview in the magazines and would like to offer you double. # timer: 12
* [Ring Zenith and hear them out #taste: ambition+1 risk+0.5 honesty-0.5]
    ~ zenith = true
    -> zenith_call
* [Put the letter in the bin #taste: ambition-0.5 order+0.5]
    ~ Pocket -= offer_letter
    It goes in the bin. Then you take it out of the bin and put it in a drawer. Then you close the drawer.
* [Show the letter to Pryce #taste: honesty+1 solitude-0.5]
    Pryce reads it twice.
    # speaker: Pryce
    "Croydon," he says, with great contempt, and puts your royalty up by two per cent.
- -> design_week

= zenith_call
# scene: office time=day
The man from Zenith has a voice like a car advert.
# speaker: Zenith
"We'd want the game, obviously. And you. And, this is between us, anything Halcyon has on what players choose. We hear they keep cards." # timer: 10
* [Say you'll think about it #taste: ambition+0.5 honesty-0.5]
    You say you'll think about it. You find you do, a great deal.
* [Hang up #default #taste: ambition-1 honesty+0.5]
    ~ zenith = false
    You put the phone down gently, as if it might go off.
- -> design_week

= design_week
{design:
- maze: -> dw_maze
- branches: -> dw_branches
- else: -> dw_mirror
}

= dw_maze
# scene: office time=night
Your maze is forty rooms now. It is clean and fair and it takes a good player an hour. # timer: 12
* [Put a secret room in the middle that only the patient can reach #taste: order+1 curiosity+0.5]
    It takes twenty minutes of standing still in a blank room. You doubt anyone will ever find it. That is the point.
* [Make it harder: a timer on every room #taste: risk+1 order+0.5 empathy-0.5]
    Twenty seconds per room. The testers swear at it, and then, crucially, play it again.
- -> watcher_choice

= dw_branches
# scene: office time=night
Your story has nineteen endings and you have drawn the tree of them on the wallpaper. # timer: 12
* [Give it one true ending hidden behind the others #taste: order+0.5 curiosity+1]
    Only a player who has seen every other ending can reach it. You write it at four in the morning and cry a bit, which you will deny.
* [Let every ending be equal #taste: order-1 empathy+0.5]
    No best ending, no worst. You like the idea that nobody can play it wrong.
- -> watcher_choice

= dw_mirror
# scene: office time=night
Your game watches now. It notices if the player always turns left, always talks, always runs, and it begins, very slightly, to lean the world to meet them. # timer: 12
* [Let it tell players what it has noticed #taste: honesty+1 curiosity+0.5]
    At the end it says: you turned left fourteen times. I think you are afraid of something on the right. Testers go very quiet at that screen.
* [Let it lean in secret #taste: honesty-1 ambition+0.5]
    It never tells them. The world just fits them a little better each time, and nobody can say why it feels like home.
- -> watcher_choice

= watcher_choice
{read_notebook:
    Vesna puts her notebook on your keyboard.
    # speaker: Vesna
    "Pryce wants the card code in yours too. Every choice, printed at the end, posted back for a T-shirt. I said I'd ask you." # timer: off
- else:
    Pryce leans on your desk.
    # speaker: Pryce
    "One more thing for the ending. The game prints a code for the high-score card. Just a string of letters. Vesna will show you."
    He does not say what the letters are. # timer: off
}
* [Put the card code in, and say nothing #taste: honesty-1 ambition+1 order+0.5]
    ~ watcher = "hidden"
    ~ Pocket += inlay_card
    It takes an afternoon. Eleven letters at the end of the game. Nothing anyone would look at twice.
* [Refuse #taste: honesty+0.5 risk+1 ambition-0.5]
    ~ watcher = "none"
    "No." {read_notebook: Vesna closes the notebook and looks, for the first time since you met her, relieved.|Pryce looks at you for a long moment. "Your call, for now," he says.}
* [Put it in, and print on the inlay exactly what the code records #taste: honesty+1 curiosity+0.5]
    ~ watcher = "shown"
    ~ Pocket += inlay_card
    You write it on the inlay in plain words: THE CODE AT THE END IS A RECORD OF EVERY CHOICE YOU MADE. SEND IT IF YOU LIKE. Pryce calls it commercial suicide. Then he reads it again and says nothing else.
- -> week_three

= week_three
{team == "home":
    Week three. # scene: bedroom time=night
- else:
    Week three. # scene: office time=night
}
Thursday, twenty past one in the morning, and you have written more in one night than in any week of your life.
The lights dip. The Corona's picture shrinks to a bright line and blooms back. The lights dip again, longer. # timer: 5
* [Save to tape, now #taste: risk-1 order+1]
    You jab the keys. The tape motor whirs. The lights go out one second after the save finishes, and in the dark you laugh out loud.
* [Keep typing, it'll hold #default #taste: risk+1 order-1]
    ~ lost_work = true
    It does not hold. The screen goes black, and then the whole street goes black, and three weeks of work that lived only in the machine go wherever electricity goes.
- -> aftermath

= aftermath
{lost_work: -> rebuild}
-> gloam_choice

= rebuild
You sit in the dark for a long time.
{team == "home" && nell > 0: The door opens. Nell, in her dressing gown, with a torch. She doesn't say anything. She sits on the end of the bed and holds the torch so you can see the keyboard, and waits.}
When the lights come back, at four, the screen shows only the blinking cursor and the copyright line. # timer: 12
* [Rewrite it from memory, now, before it fades #taste: ambition+1 risk+0.5 solitude+0.5]
    You type until the milk float goes by. Some of it comes back better. Some of it does not come back at all.
* [Sleep, and start again tomorrow with a plan #taste: order+1 ambition-0.5]
    You sleep eleven hours. In the morning you draw what you remember on graph paper, and it turns out you remember the shape of the whole thing, if not the words.
- -> gloam_choice

= gloam_choice
{lost_work:
    It is the next night, and the game is smaller than it was.
- else:
    In the candlelit dark you can hear the whole house, and the street, and far off a train.
}
{nell > 0: You think of the Gloam, who eats save files because nobody plays with him.|You think, for no reason you can name, of a felt-tip monster with three eyes.} # timer: 15
* [Put Nell's Gloam in the game #taste: empathy+1 ambition-0.5]
    ~ monster = true
    He goes in the deepest room: three eyes, a shopping bag, and a line of dialogue Nell wrote. {Pocket ? drawings: You smooth out the drawing from your bag; his eyes are only slightly creased.}
* [Credit her in the manual, but keep the game as it is #taste: honesty+0.5 order+0.5 empathy-0.5]
    Special thanks: Nell Farrow, chief tester. She will read that line perhaps four hundred times.
* [Leave the Gloam out; he doesn't fit #taste: empathy-1 order+1 ambition+0.5]
    He doesn't fit. You are probably right. It is the kind of right that you will think about later.
- -> deadline
