VAR target = -> kitchen
* [opt] opt
  text
  ~ target = 5
  -> target
== kitchen
Never reached.
-> END
