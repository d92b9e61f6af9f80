# title: Low Tide
# author: inkreel contributors
# blurb: A quiet week out of season. Every low tide, a letter made of stones appears on the beach, and somebody is spelling something.
# look: seaside
# dimension: curiosity = Curiosity / Restraint
# dimension: empathy = Warmth / Detachment
# dimension: honesty = Candour / Discretion
# dimension: solitude = Solitude / Company
# dimension: risk = Thrill-seeking / Caution
# timer: 15
# poster: assets/poster.webp
# poster: assets/poster-curiosity.webp when curiosity+
# poster: assets/poster-solitude.webp when solitude+

// A quiet week out of season: letters made of stones appear on the beach at every low tide.

VAR met_joss = false
VAR knows_ferry = false
VAR promised = false
VAR fixed_m = false
VAR stranded = false
VAR warmth = 0

-> day_one

=== day_one ===
# chapter: Monday
# scene: beach time=morning
# music: tide
You have rented the room above the Kittiwake Café for a week in November, because nobody else wanted it and because you needed, for a while, to be somewhere nobody needed you.
On the first morning, the tide is far out and the sand is flat and shining. In the middle of it, made of white stones the size of fists, someone has laid a single letter, taller than a person: H. # timer: 15
* [Go down and look at it closely #taste: curiosity+1 solitude+0.5]
    The stones are placed, not thrown: each one pressed a little into the wet sand. There are small bootprints, going away towards the rocks.
* [Watch it from the window with your coffee #taste: curiosity-0.5 solitude+1]
    You watch it until the sea comes back and takes it, very gently, stone by stone.
* [Ask the woman who runs the café #taste: curiosity+0.5 solitude-1]
    # speaker: Mrs Pell
    "Oh, the letters." Mrs Pell dries a cup with great attention. "Every low tide this week. I expect it's somebody's business."
- -> day_two

=== day_two ===
# chapter: Tuesday
# scene: beach time=morning
The second morning there is an O beside where the H was, and there, at the far edge of it, is a boy of nine or ten with a red bucket, pressing the last stone into place. # timer: 10
* [Call out to him #taste: solitude-1 honesty+0.5]
    ~ met_joss = true
    He jumps. Then he looks at you, and at the café behind you, and decides you are allowed. "It's not finished," he says. "Don't read it yet."
* [Follow him at a distance when he goes #taste: curiosity+1 risk+0.5 honesty-0.5]
    He goes up the rocks to a cottage with blue shutters. A woman at the window, older than a mother, lets him in and looks out at the beach, and at you.
* [Leave him to it #default #taste: empathy+0.5 curiosity-1]
    Whatever it is, it is his. You go back in and the café smells of toast.
- -> cafe

=== cafe ===
# scene: cafe time=day weather=rain
Afternoon. Rain against the big window. Mrs Pell brings you a pot of tea you did not order and sits down opposite without asking, which in this town is a kind of compliment.
# speaker: Mrs Pell
"That's Joss. His gran's Elsie, up in the blue cottage. His mum works on the ferry, the Saltire, the Holyhead run. Weeks on, weeks off." # timer: 20
* [Ask whether the ferry passes the bay #taste: curiosity+1 empathy+0.5]
    ~ knows_ferry = true
    # speaker: Mrs Pell
    "Every morning at half seven, about a mile out. You can see the lights from here." She looks at you as if you have passed something.
* [Say it's none of your business, really #taste: curiosity-1 honesty+0.5 solitude+0.5]
    # speaker: Mrs Pell
    "No," she agrees, pleased with you. "But you'll be wondering all the same."
* [Tell her why you came here #taste: honesty+1 solitude-1]
    ~ warmth += 1
    You tell her more than you meant to. She listens the way the sea does, without interrupting. "Well," she says at last. "You've picked a good week for it."
- -> day_three

=== day_three ===
# chapter: Wednesday
# scene: beach time=dawn
# music: tide
In the night there is a storm. In the morning the third letter, an M, is half gone: one leg of it scattered across the sand like dropped coins. There is no sign of the red bucket.
{knows_ferry: Far out, the lights of the Saltire are coming up the bay. Half seven.|Far out, a ferry is coming up the bay, lit like a street.} # timer: 8
* [Run down and put the stones back yourself #taste: empathy+1 risk+0.5]
    ~ fixed_m = true
    ~ warmth += 1
    You are not quick and the stones are cold and heavier than they look, but you get the leg of the M back, or near enough, as the ferry draws level.
* [Leave it; it isn't yours to mend #default #taste: empathy-0.5 honesty+0.5 solitude+0.5]
    You leave it. The ferry passes, far out, a small lit thing on the grey, and goes on.
- -> island

=== island ===
# scene: beach time=day
{met_joss: Joss finds you at midday, bucket in hand, solemn.|At midday the boy with the red bucket knocks at the café door and asks for you by the name of The Lodger.}
# speaker: Joss
"I need white ones for the last letter. The best white ones are on the Hob." The Hob is the little island at the end of the causeway, which you can walk to at low tide and not at any other time.
{fixed_m: He glances at the M, mended, and at your hands, and says nothing, which is the nicest thing anyone has said to you in months.|He waits, hopping from foot to foot, for you to decide.} # timer: 15
* [Go with him #taste: empathy+1 risk+0.5 solitude-0.5]
    -> hob
* [Tell him to ask his gran first #taste: risk-1 honesty+0.5]
    # speaker: Joss
    "She said yes if a grown-up goes." He looks at you meaningfully. You are, technically, a grown-up. # timer: 10
    * * [Then go with him #taste: empathy+0.5 risk+0.5]
        -> hob
    * * [Say you can't, and mean it #taste: risk-1 solitude+1 empathy-0.5]
        He goes by himself. You watch from the window until he is back across, safe, with the bucket heavy in both hands, and you feel you have failed a test nobody set.
        -> last_night

= hob
The causeway is slick and bright and full of small stranded lives. The Hob is grass and rabbit holes and a beach of stones so white they look lit from inside. You fill the bucket together.
Then Joss says, "Oh," and you look back, and the causeway has become two causeways with the sea between them. # timer: 6
* [Run for it now, before it's any deeper #taste: risk+1 empathy-0.5]
    You run, soaked to the knees, Joss on your back and the bucket in his arms, laughing or crying, you cannot tell. The water is colder than anything.
* [Stay and wait for the next low tide #default #taste: risk-1 empathy+0.5 solitude-0.5]
    ~ stranded = true
    ~ warmth += 1
    You stay. Six hours on a small island in November with a ten-year-old who knows the name of every bird. He tells you about the letters: his mum looks out from the deck every morning at half seven, and he wanted her to see something, just once, that was for her.
- -> last_night

=== last_night ===
# scene: room time=night
That night the wind drops, and the room above the café is so quiet you can hear the tide turn.
{stranded: Elsie comes to the café that evening to thank you, and to tell you off, in that order and then again.}
{knows_ferry: You know now why the letters face out to sea.}
{met_joss or stranded: "Don't tell anyone it's for her," Joss said, earlier. "Not till it's done."|You never spoke to the boy, but you know whose the letters are now, the way you know whose footprints are on a stair.} # timer: off
* [Keep the secret #taste: honesty-0.5 empathy+1]
    ~ promised = true
    You say nothing to anyone, and it sits warm in your chest, like a stone from the Hob.
* [Tell Elsie, so she can be watching too #taste: honesty+1 empathy+0.5 solitude-0.5]
    ~ warmth += 1
    Elsie is quiet for a long time. "She'll cry," she says. "Good. She doesn't, enough."
- -> day_four

=== day_four ===
# chapter: Thursday
# scene: beach time=morning
# music: thursday
The last morning. The tide goes out. H, O, M: and a space where the last letter should be, and no boy, and no bucket.
# speaker: Mrs Pell
"Joss has a temperature," Mrs Pell says, behind you. "Elsie's keeping him in." The ferry lights are coming up the bay. # timer: 10
* [Lay the last letter yourself, with his white stones #taste: empathy+1 risk+0.5 honesty-0.5]
    ~ warmth += 1
    -> home
* [Go and ask Joss what he'd want #taste: honesty+1 empathy+0.5 curiosity+0.5]
    ~ warmth += 1
    -> asked
* [Leave it unfinished; it's his word #default #taste: empathy-0.5 honesty+1 solitude+1]
    -> unfinished

=== asked ===
# scene: room time=day
He is in bed, pink and furious at being ill.
# speaker: Joss
"You do it," he says. "Quick. E is three lines and a long one. Quick!"
-> home

=== home ===
# ending: Home
# scene: beach time=morning
# music: ending
You lay the E with his white stones, three lines and a long one, as the Saltire comes level with the bay. You will never know if anybody on the deck looks down. That evening, the café phone rings, and it is for Elsie, and she comes back from it with her face wet.
{warmth >= 4: -> stay}
You catch the morning bus on Saturday. Mrs Pell gives you a white stone for the journey. You keep it on your desk for years.
THE END: Home
-> END

= stay
# ending: Out of Season
On Saturday the bus comes and goes without you. Mrs Pell, wiping the same cup, says the room is free until March if you want it, and that Joss needs somebody to teach him long division, and that the sea is better company than people say.
THE END: Out of Season
-> END

=== unfinished ===
# ending: Three Letters
# scene: beach time=morning
# music: ending
You leave the space. The Saltire passes, far out, and goes on. H, O, M, and the sea.
On Sunday Joss is well again, and lays the E himself, alone, at low tide, and stands beside it in his coat until the ferry comes. You watch from the bus window as it pulls away. It is his word. It was always his word.
THE END: Three Letters
-> END
