using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// Everything the knowledge-tracing features take from training data rather than from the learner:
/// smoothed item and skill success rates and the BKT parameters per skill. Saved as a small JSON file
/// beside the ML.NET model. <see cref="ColdStart"/> is the empty table used when nothing was trained.
/// </summary>
public sealed class KtPriors
{
    /// <summary>Pseudo-attempts pulling an item's rate towards its skills' rate (and a skill's towards the global rate).</summary>
    public const double ItemSmoothing = 5.0;

    /// <inheritdoc cref="ItemSmoothing"/>
    public const double SkillSmoothing = 20.0;

    /// <summary>Success rate assumed when there are no training answers at all (cold start).</summary>
    public const double ColdStartRate = 0.5;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public int Attempts { get; set; }

    public int Correct { get; set; }

    /// <summary>Parameters for skills absent from <see cref="Skills"/> (fitted on all skills pooled).</summary>
    public BktParameters FallbackBkt { get; set; } = BktParameters.Default;

    public Dictionary<string, SkillPrior> Skills { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, KtCount> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Answers on a skill right after an answer on another (or the same) skill, keyed by
    /// <see cref="TransitionKey"/>: what the previous answer says about the next one beyond each
    /// skill's own rate. Bounded by skills² × 2.
    /// </summary>
    public Dictionary<string, KtCount> Transitions { get; set; } = new(StringComparer.Ordinal);

    public static string TransitionKey(string previousSkill, bool previousCorrect, string skill) =>
        previousSkill + (previousCorrect ? "|1|" : "|0|") + skill;

    /// <summary>
    /// Success rate on <paramref name="skills"/> right after an answer on <paramref name="previousSkills"/>,
    /// shrunk towards the skills' own rate; NaN when there is no previous answer.
    /// </summary>
    public double TransitionRate(IReadOnlyList<string> previousSkills, bool previousCorrect, IReadOnlyList<string> skills, HeldOutCounts? exclude, out int attempts)
    {
        ArgumentNullException.ThrowIfNull(previousSkills);
        ArgumentNullException.ThrowIfNull(skills);
        attempts = 0;
        if (previousSkills.Count == 0 || skills.Count == 0) return double.NaN;
        double sum = 0;
        foreach (var skill in skills)
        {
            var skillRate = SkillRate(skill, exclude);
            foreach (var previous in previousSkills)
            {
                var key = TransitionKey(previous, previousCorrect, skill);
                int n = 0, c = 0;
                if (Transitions.TryGetValue(key, out var count))
                {
                    n = count.Attempts;
                    c = count.Correct;
                    if (exclude is not null && exclude.Transitions.TryGetValue(key, out var own))
                    {
                        n -= own.Attempts;
                        c -= own.Correct;
                    }
                }
                attempts += n;
                sum += (c + ItemSmoothing * skillRate) / (n + ItemSmoothing);
            }
        }
        return sum / (skills.Count * previousSkills.Count);
    }

    public static KtPriors ColdStart() => new();

    public double GlobalRate(HeldOutCounts? exclude = null)
    {
        var attempts = Attempts - (exclude?.Global.Attempts ?? 0);
        var correct = Correct - (exclude?.Global.Correct ?? 0);
        return (correct + 2.0 * ColdStartRate) / (attempts + 2.0);
    }

    public double SkillRate(string skill, HeldOutCounts? exclude = null)
    {
        var global = GlobalRate(exclude);
        if (!Skills.TryGetValue(skill, out var prior)) return global;
        var attempts = prior.Attempts;
        var correct = prior.Correct;
        if (exclude is not null && exclude.Skills.TryGetValue(skill, out var own))
        {
            attempts -= own.Attempts;
            correct -= own.Correct;
        }
        return (correct + SkillSmoothing * global) / (attempts + SkillSmoothing);
    }

    public double MeanSkillRate(IReadOnlyList<string> skills, HeldOutCounts? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(skills);
        if (skills.Count == 0) return GlobalRate(exclude);
        double sum = 0;
        foreach (var skill in skills) sum += SkillRate(skill, exclude);
        return sum / skills.Count;
    }

    /// <summary>Training attempts on the item (other learners' only when <paramref name="exclude"/> is given).</summary>
    public int ItemAttempts(string item, HeldOutCounts? exclude = null)
    {
        if (!Items.TryGetValue(item, out var count)) return 0;
        var own = exclude is not null && exclude.Items.TryGetValue(item, out var mine) ? mine.Attempts : 0;
        return count.Attempts - own;
    }

    /// <summary>The item's success rate, shrunk towards its skills' mean rate by <see cref="ItemSmoothing"/>.</summary>
    public double ItemRate(string item, IReadOnlyList<string> skills, HeldOutCounts? exclude = null)
    {
        var skillRate = MeanSkillRate(skills, exclude);
        if (!Items.TryGetValue(item, out var count)) return skillRate;
        var attempts = count.Attempts;
        var correct = count.Correct;
        if (exclude is not null && exclude.Items.TryGetValue(item, out var own))
        {
            attempts -= own.Attempts;
            correct -= own.Correct;
        }
        return (correct + ItemSmoothing * skillRate) / (attempts + ItemSmoothing);
    }

    public BktParameters Bkt(string skill) =>
        Skills.TryGetValue(skill, out var prior) ? prior.Bkt : FallbackBkt;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static KtPriors FromJson(string json) =>
        JsonSerializer.Deserialize<KtPriors>(json, Json) ?? throw new InvalidDataException("empty knowledge-tracing priors");
}
