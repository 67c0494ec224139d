namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// Simulates practice sessions of learners drawn from fitted skills. A learner gets a skill (weighted
/// by how many learners practised it in the data) and a hidden state, known with the skill's P(init);
/// each answer is correct with the item's 1 − slip when known and its guess when not, and an unknown
/// skill becomes known with P(learn) after each answer. The tutor tracks P(known) with the same
/// parameters, or with its own estimates fitted on other learners (<see cref="PracticeSkill.Tutor"/>); it
/// never sees the hidden state, and stops at the mastery threshold. Each learner
/// practises under every order with the same hidden start and the same random stream, so the orders
/// differ only by the items they pick.
/// </summary>
public static class PracticeSimulator
{
    public static IReadOnlyList<PracticeOrderResult> Run(IReadOnlyList<PracticeSkill> skills, PracticeSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(options);
        var usable = skills.Where(s => s.Items.Count > 0).ToList();
        if (usable.Count == 0)
        {
            throw new ArgumentException("no skill has items to practise", nameof(skills));
        }

        var band = options.Band ?? PracticeBand.Default;
        var weights = usable.Select(s => (double)Math.Max(1, s.Learners)).ToArray();
        var total = weights.Sum();
        var results = new List<PracticeOrderResult>();
        foreach (var order in Enum.GetValues<PracticeOrder>())
        {
            var items = new int[options.Learners];
            var mastered = 0;
            var within = 0;
            var trulyKnown = 0;
            long picks = 0, outside = 0, far = 0, reachable = 0, avoidable = 0;
            var keptFar = 0;
            for (var learner = 0; learner < options.Learners; learner++)
            {
                var draw = new Random(Mix(options.Seed, learner, 1));
                var skill = Pick(usable, weights, total, draw.NextDouble());
                var known = draw.NextDouble() < skill.Init;
                var session = new Random(Mix(options.Seed, learner, 2));
                var run = Session(skill, known, order, band, options, session, draw);
                items[learner] = run.Items;
                picks += run.Items;
                outside += run.Outside;
                far += run.Far;
                reachable += run.Reachable;
                avoidable += run.Avoidable;
                keptFar += run.LongestFarRun >= PracticeSimulationOptions.FarRun ? 1 : 0;
                if (run.Mastered)
                {
                    mastered++;
                    within += run.Items <= options.Within ? 1 : 0;
                    trulyKnown += run.KnownAtEnd ? 1 : 0;
                }
            }

            Array.Sort(items);
            results.Add(new PracticeOrderResult(
                order,
                items.Average(),
                items[items.Length / 2],
                items[(int)Math.Min(items.Length - 1, Math.Floor(items.Length * 0.9))],
                (double)within / options.Learners,
                (double)mastered / options.Learners,
                mastered == 0 ? 0 : (double)trulyKnown / mastered,
                picks == 0 ? 0 : (double)outside / picks,
                picks == 0 ? 0 : (double)far / picks,
                reachable == 0 ? 0 : (double)avoidable / reachable,
                (double)keptFar / options.Learners,
                picks));
        }

        return results;
    }

    private static PracticeSkill Pick(List<PracticeSkill> skills, double[] weights, double total, double u)
    {
        var x = u * total;
        for (var i = 0; i < skills.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return skills[i];
            }
        }

        return skills[^1];
    }

    private static (int Items, bool Mastered, bool KnownAtEnd, int Outside, int Far, int LongestFarRun, int Reachable, int Avoidable) Session(
        PracticeSkill skill, bool known, PracticeOrder order, PracticeBand band, PracticeSimulationOptions options, Random session, Random draw)
    {
        var tutor = skill.TutorItems;
        var estimate = skill.TutorInit;
        var answered = new int[skill.Items.Count];
        var sequence = order switch
        {
            PracticeOrder.Fixed => Enumerable.Range(0, skill.Items.Count).OrderBy(i => skill.Items[i].Id.Length).ThenBy(i => skill.Items[i].Id, StringComparer.Ordinal).ToArray(),
            PracticeOrder.Random => Shuffled(skill.Items.Count, draw),
            _ => [],
        };
        var candidates = new PracticeCandidate[skill.Items.Count];
        var index = skill.Items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        int outside = 0, far = 0, run = 0, longest = 0, reachable = 0, avoidable = 0;
        for (var step = 0; step < options.MaxItems; step++)
        {
            if (estimate >= options.MasteryThreshold)
            {
                return (step, true, known, outside, far, longest, reachable, avoidable);
            }

            int chosen;
            if (order == PracticeOrder.Adaptive)
            {
                for (var i = 0; i < candidates.Length; i++)
                {
                    candidates[i] = new PracticeCandidate(tutor[i].Id, tutor[i].PCorrect(estimate), answered[i], 1 - tutor[i].Slip - tutor[i].Guess, options.UseLearningRates ? tutor[i].Learn : null);
                }

                chosen = index[PracticePolicy.Choose(candidates, band).ItemId];
            }
            else
            {
                chosen = sequence[step % sequence.Length];
            }

            var item = skill.Items[chosen];
            var believed = tutor[chosen];

            // The band and "far" are judged on the tutor's predicted chance, what the policy sees.
            var predicted = believed.PCorrect(estimate);
            outside += band.Contains(predicted) ? 0 : 1;
            var canReach = tutor.Any(i => band.Contains(i.PCorrect(estimate)));
            reachable += canReach ? 1 : 0;
            avoidable += canReach && !band.Contains(predicted) ? 1 : 0;
            var isFar = PracticeBand.IsFar(predicted);
            far += isFar ? 1 : 0;
            run = isFar ? run + 1 : 0;
            longest = Math.Max(longest, run);
            answered[chosen]++;

            // Two draws per step whatever the order, so every order sees the same random stream.
            var answerDraw = session.NextDouble();
            var learnDraw = session.NextDouble();
            var correct = answerDraw < (known ? 1 - item.Slip : item.Guess);
            estimate = believed.Update(estimate, correct);
            known = known || learnDraw < item.Learn;
        }

        return (options.MaxItems, estimate >= options.MasteryThreshold, known, outside, far, longest, reachable, avoidable);
    }

    // HashCode.Combine is randomised per process; runs must repeat.
    private static int Mix(int seed, int learner, int stream) =>
        (int)((((long)seed * 1_000_003) + ((long)learner * 7919) + stream) % int.MaxValue);

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }
}
