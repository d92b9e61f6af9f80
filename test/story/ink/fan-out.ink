// A hostile decision: 400 options (threads made in a loop), each running an endless run of
// lines with no decision at its end.
-> start
=== start ===
Pick one.
~ temp n = 0
- (opts)
~ n = n + 1
<- option(n)
{n < 400: -> opts}
-> DONE
=== option(k) ===
+ [Option {k}] -> long
-> DONE
=== long ===
~ temp i = 0
- (again)
~ i = i + 1
Line {i}.
-> again
