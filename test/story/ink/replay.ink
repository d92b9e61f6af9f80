// A story without randomness: every replay reaches its first decision in the same state.
The tide is out. # BACKGROUND: assets/sand.jpg
* [Walk] -> walk
* [Wait] -> wait
== walk ==
You walk. # IMAGE: assets/walk.png
* [On] -> END
== wait ==
You wait. # AUDIO: assets/wait.ogg
-> END
