// Chapter two: Halcyon Soft, above the carpet shop. The deal, the notebook, the design.

=== halcyon ===
# chapter: Halcyon
# scene: office time=morning
# music: halcyon
Halcyon Soft is two rooms, six computers, a kettle, a fax machine that nobody knows how to use, and a framed cover of Popular Computing Weekly with Desmond Pryce on it, younger and thinner, pointing at the camera.
{late: You are forty minutes late. Nobody mentions it, which is worse.}
{the_way.yard: Pryce glances at the rust on your hands and the rip in your sleeve and decides, visibly, not to ask.}
The man himself loads your tape. The Corona squeals and warbles, the border stripes roll, and then, two-thirds of the way through, the picture stops. R TAPE LOADING ERROR.
Six people are looking at you. # timer: 6
* [Rewind and try again, exactly the same #default #taste: order+1 risk-0.5]
    You rewind and press play and wait through the whole squealing minute again, not breathing. This time it loads.
* [Take a screwdriver to the tape head #taste: risk+1 order-1 curiosity+0.5]
    You borrow a jeweller's screwdriver from behind someone's ear and nudge the head alignment by feel, a quarter turn, the way you do at home. Vesna, by the window, makes a small approving noise. It loads.
- Then your little character is walking through your little world, and everybody in the room has stopped typing.
# speaker: Pryce
"All right. All right. I want it for Christmas. Here's how it goes."
# speaker: Pryce
"You can have a desk here, with the team, and a proper wage, and I get to look over your shoulder. Or you take it home, on royalties, and I see it when it's done. Or." He nods at the woman by the window, who has not looked up. "Vesna says she'd work with you. Vesna has never said that about anyone."
You have been waiting for this your whole life. You thought it would feel more like winning. # timer: off
* [Take the desk and the wage, and work with the team #taste: solitude-1 order+0.5 risk-0.5]
    ~ team = "office"
    "The desk," you say. Pryce shakes your hand like someone closing a car door.
* [Take it home on royalties and make it alone #taste: solitude+1 risk+0.5 ambition+0.5]
    ~ team = "home"
    "I'll make it at home." Pryce shrugs, which from him is a blessing. "Your funeral. Royalties are fifteen per cent of nothing until it sells."
* [Work with Vesna #taste: solitude-0.5 curiosity+1 risk+0.5]
    ~ team = "vesna"
    Vesna Kell looks up for the first time. She has the calm, tired eyes of someone who has been debugging since 1979.
- -> notebook

=== notebook ===
# scene: office time=day
At one o'clock the others go down to the café. Vesna goes too, and leaves her notebook on the desk beside yours: black, rubber-banded, with a strip of masking tape on the cover that says PLAYERS.
The room hums. The fax machine makes a small noise, like a throat being cleared. # timer: 12
* [Open it #taste: curiosity+1 honesty-1 risk+0.5]
    ~ read_notebook = true
    ~ Pocket += black_notebook
    -> read
* [Ask her about it when she's back #taste: curiosity+0.5 honesty+1]
    -> ask
* [Leave it alone #default #taste: curiosity-1 honesty+0.5 order+0.5]
    -> leave

= read
Page after page of columns. Names, towns, ages. Beside each, strings of letters: L R R L W W E. You know what they are before you know that you know: they are choices. Somebody's left, right, right, left, wait, wait, east, in a game you recognise, one of Halcyon's.
At the top of one page, in Vesna's neat capitals: THEY POST THE CARDS BACK. THEY DON'T KNOW WHAT'S ON THEM.
You hear her on the stairs. # timer: 5
* [Put it back exactly where it was #default #taste: honesty-1 order+1]
    You get it back under its rubber band just as the door opens. Vesna sits down. She looks at the notebook, and then at you, and says nothing at all.
* [Keep it open and ask her what it means #taste: honesty+1 risk+1]
    ~ read_notebook = true
    She stops in the doorway. You hold the page up. "What is this?"
    # speaker: Vesna
    "That," she says, "is why I wanted to work with you. Sit down."
- -> design_talk

= ask
She comes back with two teas and answers before you finish the question.
# speaker: Vesna
"The high-score cards. You know, fill in your name and your score, post it to Halcyon, win a T-shirt."
# speaker: Vesna
"Desmond had me put a code on the card. The game prints it at the end. It's their choices. Every door, every yes and no. They post us their whole game and think they're entering a competition." # timer: 15
* [Ask what Pryce does with them #taste: curiosity+1 risk+0.5]
    ~ read_notebook = true
    # speaker: Vesna
    "Decides what to make next. Which covers to paint. He says it's market research." She smiles without any pleasure. "He says that about everything."
* [Say that sounds like good business #taste: ambition+1 empathy-0.5]
    # speaker: Vesna
    "It is," she says. "That's rather the problem."
- -> design_talk

= leave
You leave it. You eat your sandwich and look at the rain and at the black notebook, which does not move, and which you think about for the rest of the afternoon anyway. # timer: 8
* [Mention it to Pryce, lightly #taste: honesty+0.5 curiosity+0.5 solitude-0.5]
    # speaker: Pryce
    "Vesna's little book? Market research." He says it too quickly. "Don't you worry about Vesna's little book."
* [Put it out of your mind #default #taste: curiosity-1 order+0.5]
    Out of your mind is a small room, and the notebook is a large thing to put in it.
- -> design_talk

=== design_talk ===
# scene: diner time=day
Pryce takes you to the Regal Grill across the road for a fry-up and a napkin on which to draw the future.
# speaker: Pryce
"So. What is it? I can sell a maze, I can sell an adventure. Tell me what's on the tape by Christmas."
{read_notebook: You think of the columns in Vesna's notebook. L R R L W W E.|He pushes the napkin and a biro across the table.} # timer: 15
* [A maze: tight, fair, fiendish, the best one ever made #taste: order+1 risk-0.5]
    ~ design = maze
    "A maze." Pryce draws a square on the napkin and looks pleased with it, which is the most he has ever liked a square.
* [An adventure where every choice splits the story #taste: curiosity+1 ambition+1]
    ~ design = branches
    "An adventure where you choose. Every choice splits it. Different endings." Pryce draws a tree and runs out of napkin.
* [A game that watches how you play and plays you back #taste: curiosity+1 risk+1 honesty+0.5]
    ~ design = mirror
    "A game that learns you. It watches what you choose and the world changes to fit." Pryce stops chewing. "Can you do that in forty-eight K?" You have no idea. "Yes," you say.
- -> nights
