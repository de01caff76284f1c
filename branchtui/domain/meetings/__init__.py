"""What the meeting wizards, the record checks and the minutes ask of a meeting record.

Pure functions over ``domain.records`` (see docs/meetings.md for the wizard's API):
``roll`` (who should attend, head counts, posts), ``votes`` (quorum and verdict, NAT-1/NAT-2),
``titles`` (the year's sequence number, 上/下午), ``theme_day`` (LIFE-5's window and length),
``settles`` (the obligations a record settles, LIFE-9), ``checks`` (台账体检), ``minutes``
(the template context), ``edits`` (amendments and trackable items). Import from the submodules;
this package deliberately re-exports nothing (``settles`` depends on the duty engine, which
depends on ``theme_day``).
"""
