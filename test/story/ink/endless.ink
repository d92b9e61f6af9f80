Before the loop.
* [Loop for ever] -> spin
* [Stay safe] -> safe
== spin ==
~ temp n = 0
- (again)
~ n = n + 1
-> again
== safe ==
Safe.
-> END
