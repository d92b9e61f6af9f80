EXTERNAL ping(x)
VAR score = 0
Roll. {RANDOM(1, 1000)}
- (top)
* [A] -> a
* [B] -> b
== a ==
~ ping(2)
~ score = score + RANDOM(1, 1000)
A {RANDOM(1, 1000)} # IMAGE: assets/a.png
{a > 1: again}
-> next
== b ==
B {RANDOM(1, 1000)} # BACKGROUND: assets/b.jpg
~ score = score + RANDOM(1, 1000)
-> next
== next ==
Score {score}, {RANDOM(1, 1000)}, seen a {a} times.
* [Again] -> top
* [Stop] -> END
== function ping(x) ==
~ return 0
