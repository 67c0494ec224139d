// Every test here starts real silos on real ports against PostgreSQL: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
