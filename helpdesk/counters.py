"""Gap-free running numbers (ticket numbers, disbursement numbers, the outgoing register): one counter row per
key (a fiscal year, a register and its year), locked while a number is taken."""

from django.db import IntegrityError, transaction


def next_number(model, **key) -> int:
    """The next number of `model`'s counter row `key` (its ``last_number`` field), from a row locked until the
    caller's transaction ends.

    Runs inside the transaction that stores the numbered record: if that rolls back so does the counter (no gap);
    concurrent callers wait on the row lock (no duplicate). The first number of a key creates its row.
    """
    counter = model.objects.select_for_update().filter(**key).first()
    if counter is None:
        try:
            with transaction.atomic():
                model.objects.create(**key, last_number=0)
        except IntegrityError:
            pass  # another transaction created this key's row first; lock theirs below
        counter = model.objects.select_for_update().get(**key)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
