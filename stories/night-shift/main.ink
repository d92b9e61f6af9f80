# title: Night Shift
# author: inkreel contributors
# blurb: A night porter, a nine-room hotel by the railway, and an old man out of the rain who thinks it is 1979. You have until six.
# look: sodium
# dimension: risk = Thrill-seeking / Caution
# dimension: empathy = Warmth / Detachment
# dimension: curiosity = Curiosity / Restraint
# dimension: honesty = Candour / Discretion
# timer: 10
# poster: assets/poster.webp
# poster: assets/poster-risk.webp when risk+
# poster: assets/poster-empathy.webp when empathy+
# poster: assets/poster-curiosity.webp when curiosity+
# theme: dark

// A night porter, a nine-room hotel by the railway, and a guest who thinks it is 1979.

VAR answered = false
VAR room = "lobby"
VAR read_ledger = false
VAR told_year = false
VAR train = "inside"
VAR kindness = 0

-> desk

=== desk ===
# chapter: Midnight
# scene: hotel-desk time=night weather=rain
# music: midnight
The Hotel Alcyone has nine rooms, one lift that nobody trusts, and a night desk that is yours from midnight until six.
The radiator ticks. Across the road the diner's sign buzzes pink against the wet glass. Somewhere beyond the roofs a goods train drags its long iron sentence through the dark.
At four minutes past twelve, the desk phone rings. # timer: 6
* [Answer it #taste: curiosity+0.5 empathy+0.5]
    ~ answered = true
    "Hotel Alcyone, night desk."
    # speaker: Caller
    "I'm sorry, I know it's late." A woman's voice, breathless, as if she has been walking fast. "My father. Aurel Voss, he's eighty-one, tall, grey coat. He's left the home again. He talks about your hotel. Has he come in?"
    You tell her nobody has. She gives you her name, Rina, and a number, and makes you read it back to her twice.
* [Let it ring #default #taste: curiosity-0.5 empathy-0.5]
    You watch it. Seven rings, eight. Whoever it is gives up. The silence afterwards is louder than the bell was.
- -> arrival

=== arrival ===
# scene: hotel-desk time=night weather=rain
At twenty to one the street door opens and lets in the rain and an old man.
He is tall and very upright, in a grey coat soaked black at the shoulders. He carries no bag. He stamps his shoes on the mat the way people do in a place they know.
{answered: Grey coat. Tall. You feel the number Rina gave you like a coin in your pocket.}
# scene: hotel-desk time=night weather=rain
# speaker: Old man
"Evening. Room seven, if it's free. It's always been seven."
Room seven is free. So are three others. The heating in seven has not worked since March. # timer: 12
* [Give him room seven #taste: empathy+1 risk+0.5]
    ~ room = "seven"
    You take the brass key down from its hook. He smiles at it as if at a face.
* [Offer him room three, which is warm #taste: empathy+0.5 risk-0.5 honesty+0.5]
    ~ room = "three"
    "Seven's cold tonight. Three is warmer, and it looks at the same trains."
    He considers this with great seriousness, then nods. "Three, then. For once."
* [Tell him the hotel is full #taste: empathy-1 honesty-1 risk-0.5]
    ~ room = "lobby"
    "I'm afraid we're full tonight."
    He looks past you at the row of keys hanging on their hooks, and says nothing about them. "Then I'll wait here for the morning," he says, and lowers himself into the armchair by the radiator as if he had planned to all along.
- -> payment

=== payment ===
{room != "lobby": He signs the register in a slow, careful hand: A. Voss.|He asks whether he might at least have a cup of tea, and what it would cost.}
He takes out a wallet as thin as a leaf and lays a banknote on the desk.
It is a twenty. It is the old kind, the brown one with the bridge on it, withdrawn before you were born. It is perfectly flat, as if it has been waiting in that wallet for this night. # timer: 10
* [Take it, and pay the till from your own pocket #taste: empathy+1 honesty-0.5]
    ~ kindness += 1
    You put the note in your own pocket and your own money in the till. It is not a small amount. You do not mind as much as you expected to.
* [Tell him, gently, that this money stopped being money years ago #taste: honesty+1 empathy-0.5]
    ~ told_year = true
    "This one's been out of circulation a long time, Mr Voss."
    He turns the note over. For a moment something behind his eyes steps back from a ledge. Then he laughs. "You young people. Everything is out of date to you." He keeps it anyway, and you let the tea be on the house.
* [Say it's on the house tonight #taste: empathy+0.5 honesty+0.5 risk+0.5]
    ~ kindness += 1
    "Put that away. Quiet night, slow kettle. It's on the house."
    He folds the note back into the wallet with great care. "They always were decent, here."
- -> quiet

=== quiet ===
# scene: hotel-desk time=night weather=rain
{room == "lobby": He settles in the armchair and closes his eyes.|He goes up. The lift groans; he takes the stairs instead, one hand on the rail, like a man who has done it a thousand times.}
One o'clock. The rain thins. You have a paperback face down on the desk and a back office full of old ledgers nobody has opened since the hotel changed hands. # timer: 15
* [Look through the old ledgers #taste: curiosity+1]
    ~ read_ledger = true
    The back office smells of damp paper and cigarette ash older than the smoking ban. The ledgers go back to 1971. You find him in 1979, not as a guest but in the staff column, in the same careful hand: A. Voss, night porter. Beside one date, in red ink, someone has written: married today, M. and A., room 7, on the house.
* [Read your book and leave him be #taste: curiosity-1 empathy-0.5]
    You read the same page four times. The building breathes around you: pipes, wind, the trains.
* [Take a cup of tea up to him #taste: empathy+1 curiosity+0.5]
    ~ kindness += 1
    {room == "lobby": You set the cup on the arm of the chair. He wakes enough to thank you and calls you by someone else's name.|You knock. He opens the door in his shirtsleeves, thanks you, and calls you by someone else's name. Behind him the bed is still made; he has been standing at the window.}
- -> noise

=== noise ===
# chapter: The Roof
Ten to two. Overhead, something bangs: the fire door to the roof, swinging in the wind. Then footsteps on the gravel up there, slow and certain.
You check the armchair, {room == "lobby": and it is empty|the keys, the stairs, the silence}. He is on the roof. # timer: 8
* [Go straight up the fire escape, outside, in the rain #taste: risk+1 empathy+0.5]
    You climb the iron ladder two rungs at a time. It is slick and it rings under you and the street is a long way down.
    -> roof
* [Take the stairs, quickly but properly #taste: risk-0.5 empathy+0.5]
    Five flights. You arrive short of breath and push the fire door open into the wind.
    -> roof
* [Stay at the desk and wait for him to come down #default #taste: risk-1 empathy-1]
    You tell yourself that he knows the building better than you do. You count. At two hundred the door bangs again and his footsteps come back down the stairs, unhurried, and pass the desk, and go out into the street, and come back in again a minute later, soaked, as though the street was not what he expected.
    -> street

=== roof ===
# scene: rooftop time=night weather=rain
# music: roof
He is standing at the parapet with his coat open, looking east along the line to where the station lamps make a yellow smear in the rain.
# speaker: Aurel
"You can see the two-ten from here. You always could. Mira comes in on the two-ten." He checks a watch that has stopped. "She'll be cross if I'm not on the platform. It's our first year."
{read_ledger: You think of the red ink in the ledger. Married today. Room 7.}
The wind pulls at both of you. # timer: off
* [Tell him, carefully, what year it is #taste: honesty+1 empathy-0.5 risk+0.5]
    ~ told_year = true
    You tell him. You say it softly and you say it twice. He listens like a man hearing the weather forecast for a town he has never visited. Then he says, "Well. Then she'll have been waiting a long time," and that is worse than if he had not understood at all.
* [Let it be 1979 a little longer #taste: honesty-1 empathy+1]
    ~ kindness += 1
    "Then we'd better not keep her waiting," you hear yourself say.
    He looks at you with enormous relief, as if someone has finally confirmed the timetable.
* [Ask him about Mira #taste: curiosity+1 empathy+0.5]
    ~ kindness += 1
    He tells you. She sold tickets at the station and gave wrong change on purpose so he would have to come back. She laughed at his shoes. They had one night in room seven because the manager owed him a favour, and the radiator was broken then, too.
- You get him in out of the rain.
-> street

=== street ===
# scene: hotel-desk time=night weather=rain
{answered: -> call|-> ring}

= call
It is nearly half past two. Rina's number is in your pocket.
He is in the lobby, dripping, buttoning his coat to the neck. He means to go to the station. # timer: off
* [Call Rina now, while he can hear you #taste: honesty+1 empathy+0.5]
    ~ kindness += 1
    You dial. He listens to your half of it without alarm. When you say his daughter's name his face does something complicated and tender.
    # speaker: Rina
    "Thank God. Thank you. Keep him there if you can. I'm twenty minutes away."
* [Wait until he's settled, then call her quietly #taste: honesty-0.5 risk-0.5]
    You decide to call once he is sitting down, once he is calm, once it will not feel like a betrayal. The moment keeps not arriving.
* [Ask him whether he wants you to call anyone #taste: empathy+1 curiosity+0.5]
    ~ kindness += 1
    "Is there anyone I should ring for you?"
    He thinks about it for a long time. "My daughter worries," he says at last. "Tell her I'm at the Alcyone. She'll know." You ring Rina, and she does.
- -> two_ten

= ring
The phone rings again at half past two. The same patient rings. The silence between them feels like a question you have already been asked once. # timer: 6
* [Answer it this time #taste: curiosity+0.5 empathy+1]
    ~ answered = true
    ~ kindness += 1
    # speaker: Rina
    "I rang before. My father, Aurel Voss, grey coat..."
    "He's here," you say. You hear her sit down on something, hard. She is twenty minutes away.
* [Let it ring again #default #taste: empathy-1 curiosity-1]
    It rings out. He watches you not answer it. He does not say anything, which is its own kind of saying.
- -> two_ten

=== two_ten ===
# chapter: The Two-Ten
# scene: hotel-desk time=night weather=rain
# music: two-ten
Far off, the two-ten sounds its horn at the level crossing. He is at the door before it finishes.
# speaker: Aurel
"That's her."
The station is three streets away through the rain. The desk is not supposed to be left. # timer: 8
* [Walk him to the station #taste: risk+0.5 empathy+1]
    ~ train = "together"
    You put the night-desk sign on the counter and go with him, your arm under his.
* [Steer him back inside with promises of tea #taste: risk-1 honesty-0.5]
    ~ train = "inside"
    "She'll come here," you tell him. "She always knows where you are." It is the kind of lie that is nearly true. He lets you lead him to the armchair.
* [Hold the door for him and let him go #default #taste: risk+1 empathy-1]
    ~ train = "alone"
    You hold the door. He touches his hat, which he is not wearing, and goes out into the rain alone, walking fast, towards the lights.
- -> dawn

=== dawn ===
{train:
- "together":
    # scene: platform time=night weather=rain
    The two-ten does not stop here any more. It comes through at speed, a wall of lit windows full of sleeping strangers, and is gone. He watches every window go by. Then he says, "She'll be on the next one," and lets you walk him back.
- "inside":
    # scene: hotel-desk time=night weather=rain
    He falls asleep in the armchair to the sound of the two-ten passing. His hand stays open on his knee, palm up, as if someone might take it.
- "alone":
    # scene: platform time=night weather=rain
    You find him at ten to three, on the bench on platform two, rain running off the canopy in strings. He is perfectly calm. He says the train was late.
}
# scene: hotel-desk time=night weather=rain
{answered: Rina arrives at a quarter past three, coat over pyjamas, and holds her father for a long time in the middle of your lobby.|Rina arrives at five, having tried every hotel in the directory, and finds him in your lobby.}
# speaker: Rina
"What happened tonight? Did he say anything?" # timer: off
* [Tell her everything, the banknote and the roof and Mira #taste: honesty+1 empathy+0.5]
    She listens to all of it. At the name Mira she puts her hand over her mouth. "My mother," she says. "He hasn't said her name in two years."
* [Tell her he was no trouble at all #taste: honesty-1 empathy+0.5]
    "No trouble. He was good company." It is true in the way that matters, and it lets her stop holding her breath.
* [Tell her about room seven and the ledger #taste: curiosity+0.5 honesty+0.5]
    {read_ledger: You fetch the ledger and show her the red ink. She reads it three times and asks if she may photograph it.|You tell her he asked for room seven, always seven. She says, "That's where they spent their wedding night. He used to work here. Didn't you know?"}
- -> log

=== log ===
# scene: hotel-desk time=dawn weather=rain
Six o'clock. The morning porter comes in shaking an umbrella and asks what sort of night it was. The log book lies open for your entry. # timer: 20
* [Write down all of it #taste: honesty+1 curiosity+0.5]
    You fill a page and a half. Anyone who reads it will know exactly what happened at the Alcyone tonight.
    -> ending_choice
* [Write: Quiet night #default #taste: honesty-1 empathy+0.5]
    You write two words, and the date, and close the book. Some nights belong to the people who were in them.
    -> ending_choice

=== ending_choice ===
{
- train == "alone" && kindness < 3:
    -> ending_platform
- kindness >= 3:
    -> ending_room_seven
- else:
    -> ending_morning
}

=== ending_room_seven ===
# ending: Room Seven
# scene: hotel-desk time=night weather=clear
# music: ending
A week later a postcard arrives, addressed to the night porter. On the front is the station, in colour, years ago. On the back, in a careful hand that is beginning to wander: Thank you for keeping the room. A. and M.
You pin it above the desk, where the night porter before you must have pinned things, and where the one after you will wonder who A. and M. were.
THE END: Room Seven
-> END

=== ending_morning ===
# ending: The Morning Train
# scene: street time=dawn weather=clear
# music: ending
You walk home past the diner as its shutters go up. The rain has stopped. The trains are running on time, which is to say, full of people going somewhere they have been before.
You think about him now and then, on the nights when the phone rings and nobody speaks. You always answer those now.
THE END: The Morning Train
-> END

=== ending_platform ===
# ending: Platform Two
# scene: hotel-desk time=dawn weather=clear
# music: ending
Rina thanks you at the door in the voice people use for strangers who did the least they could. You do not blame her.
The next night, and for a few nights after, you catch yourself watching the street door at twenty to one. Nobody comes. The two-ten goes through without stopping, a wall of lit windows, and is gone.
THE END: Platform Two
-> END
