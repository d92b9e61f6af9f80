EXTERNAL boom()
Start.
* [Throw from the host] -> host
* [Ink error] -> inkerr
== host ==
{boom()}
-> END
== inkerr ==
~ temp l = ()
Value: {RANDOM(5, 1)}
-> END
