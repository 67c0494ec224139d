namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// The knowledge-tracing feature vector of the next answer, read from a <see cref="LearnerKnowledgeState"/>
/// before that answer is applied. Shared by training (dataset adapters → events → state) and serving
/// (statements → events → the grain's state). Missing values are NaN, which the tree learners treat as
/// "missing" rather than as a number.
/// </summary>
public static class KtFeatures
{
    /// <summary>Pseudo-attempts pulling a learner's own rates towards the training rate of the same thing.</summary>
    public const double LearnerSmoothing = 2.0;

    public static IReadOnlyList<string> Names { get; } =
    [
        "attempts", "rate", "recentFast", "recentSlow", "streak", "lastCorrect", "residualMean", "recentResidual",
        "skillAttempts", "skillCorrect", "skillRate", "skillMinRate", "skillLastCorrect", "skillStreak",
        "skillGap", "skillRecent", "skillResidualMean", "skillSeenShare",
        "bktCorrect", "bktMinCorrect", "bktMastery",
        "itemAttempts", "itemRate", "itemLastCorrect",
        "priorItemRate", "priorItemLogAttempts", "priorSkillRate", "skillCount",
        "sameSkillAsLast", "sameItemAsLast",
        "transitionRate", "transitionLogAttempts", "eloCorrect", "ability", "skillAbility",
    ];

    public static int Count => Names.Count;

    /// <summary>Features of answering <paramref name="itemId"/> (null: an unspecified item) tagged with <paramref name="skills"/>.</summary>
    public static float[] Compute(LearnerKnowledgeState state, KtPriors priors, IReadOnlyList<string> skills, string? itemId)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var features = new float[Count];
        Compute(state, priors, KtInteraction.Target(skills, itemId), null, features);
        return features;
    }

    internal static void Compute(LearnerKnowledgeState state, KtPriors priors, KtInteraction target, HeldOutCounts? exclude, Span<float> f)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(priors);
        const float Missing = float.NaN;
        var skills = target.Skills;
        var globalRate = priors.GlobalRate(exclude);
        var seen = state.Attempts > 0;

        f[0] = state.Attempts;
        f[1] = (float)((state.Correct + LearnerSmoothing * globalRate) / (state.Attempts + LearnerSmoothing));
        f[2] = seen ? (float)state.RecentFast : Missing;
        f[3] = seen ? (float)state.RecentSlow : Missing;
        f[4] = state.Streak;
        f[5] = seen ? (state.LastCorrect ? 1 : 0) : Missing;
        f[6] = seen ? (float)(state.Residual / state.Attempts) : Missing;
        f[7] = seen ? (float)state.RecentResidual : Missing;

        double attempts = 0, correct = 0, rate = 0, minRate = double.MaxValue, streak = 0;
        double lastCorrect = 0, recent = 0, residual = 0, bkt = 0, minBkt = double.MaxValue, mastery = 0, priorSkill = 0;
        var gap = int.MaxValue;
        var seenSkills = 0;
        foreach (var skill in skills)
        {
            var skillPrior = priors.SkillRate(skill, exclude);
            priorSkill += skillPrior;
            var bktParameters = priors.Bkt(skill);
            if (state.Skills.TryGetValue(skill, out var s))
            {
                seenSkills++;
                attempts += s.Attempts;
                correct += s.Correct;
                streak += s.Streak;
                lastCorrect += s.LastCorrect ? 1 : 0;
                recent += s.Recent;
                residual += s.Residual / s.Attempts;
                gap = Math.Min(gap, state.Attempts - s.LastStep + 1);
                var r = (s.Correct + LearnerSmoothing * skillPrior) / (s.Attempts + LearnerSmoothing);
                rate += r;
                minRate = Math.Min(minRate, r);
                var pc = bktParameters.PCorrect(s.Mastery);
                bkt += pc;
                minBkt = Math.Min(minBkt, pc);
                mastery += s.Mastery;
            }
            else
            {
                rate += skillPrior;
                minRate = Math.Min(minRate, skillPrior);
                var pc = bktParameters.PCorrect(bktParameters.Init);
                bkt += pc;
                minBkt = Math.Min(minBkt, pc);
                mastery += bktParameters.Init;
            }
        }
        var k = skills.Count;
        f[8] = (float)(attempts / k);
        f[9] = (float)(correct / k);
        f[10] = (float)(rate / k);
        f[11] = (float)minRate;
        f[12] = seenSkills > 0 ? (float)(lastCorrect / seenSkills) : Missing;
        f[13] = (float)(streak / k);
        f[14] = seenSkills > 0 ? gap : Missing;
        f[15] = seenSkills > 0 ? (float)(recent / seenSkills) : Missing;
        f[16] = seenSkills > 0 ? (float)(residual / seenSkills) : Missing;
        f[17] = (float)seenSkills / k;
        f[18] = (float)(bkt / k);
        f[19] = (float)minBkt;
        f[20] = (float)(mastery / k);

        var itemRate = priors.ItemRate(target.Item, skills, exclude);
        if (state.Items.TryGetValue(target.Item, out var item))
        {
            f[21] = item.Attempts;
            f[22] = (float)((item.Correct + LearnerSmoothing * itemRate) / (item.Attempts + LearnerSmoothing));
            f[23] = item.LastCorrect ? 1 : 0;
        }
        else
        {
            f[21] = 0;
            f[22] = Missing;
            f[23] = Missing;
        }
        f[24] = (float)itemRate;
        f[25] = (float)Math.Log(1 + priors.ItemAttempts(target.Item, exclude));
        f[26] = (float)(priorSkill / k);
        f[27] = k;
        f[28] = seen ? (skills.Any(state.LastSkills.Contains) ? 1 : 0) : Missing;
        f[29] = seen ? (target.Item == state.LastItem ? 1 : 0) : Missing;
        var transition = priors.TransitionRate(state.LastSkills, state.LastCorrect, skills, exclude, out var transitionAttempts);
        f[30] = seen ? (float)transition : Missing;
        f[31] = seen ? (float)Math.Log(1 + transitionAttempts) : Missing;
        f[32] = (float)state.EloCorrect(skills, itemRate);
        f[33] = (float)state.Ability;
        double skillAbility = 0;
        foreach (var skill in skills)
        {
            if (state.Skills.TryGetValue(skill, out var s)) skillAbility += s.Ability;
        }
        f[34] = (float)(skillAbility / k);
    }
}
