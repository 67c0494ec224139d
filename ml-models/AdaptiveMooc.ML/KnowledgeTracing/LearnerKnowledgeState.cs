using System.Text.Json;
using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// The knowledge-tracing state a learner grain carries: aggregates over the learner's answers, updated
/// in O(number of skills of the answer) per event, whose size grows only with the distinct skills and
/// items met (bounded by the catalogue, never by the number of events). Features are read from it
/// BEFORE the next answer is applied, so a prediction only ever sees earlier answers. It is a plain
/// JSON-serialisable class so a grain can persist it as is.
/// </summary>
public sealed class LearnerKnowledgeState
{
    /// <summary>Weight of the newest answer in the fast recent-success average.</summary>
    public const double FastDecay = 0.3;

    /// <summary>Weight of the newest answer in the slow recent-success average.</summary>
    public const double SlowDecay = 0.1;

    /// <summary>Elo step size for a learner with no answers (Pelánek's K = a / (1 + b·n) schedule).</summary>
    public const double EloStep = 0.8;

    /// <summary>How fast the Elo step shrinks with the number of answers.</summary>
    public const double EloStepDecay = 0.05;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public int Attempts { get; set; }

    public int Correct { get; set; }

    public int Streak { get; set; }

    public bool LastCorrect { get; set; }

    public double RecentFast { get; set; }

    public double RecentSlow { get; set; }

    public double Residual { get; set; }

    public double RecentResidual { get; set; }

    /// <summary>Elo ability (logit scale) against the items' training difficulty.</summary>
    public double Ability { get; set; }

    public string? LastItem { get; set; }

    public List<string> LastSkills { get; set; } = [];

    public Dictionary<string, SkillKnowledge> Skills { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ItemKnowledge> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies one event. Events that are not answers with an outcome are ignored. The priors give the
    /// expected success used by the residual ability and the BKT parameters of each skill; serving
    /// passes its model's priors, or <see cref="KtPriors.ColdStart"/> when no model is shipped.
    /// </summary>
    public void Apply(LearningEvent evt, KtPriors priors)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(priors);
        if (!KtInteraction.IsAnswer(evt)) return;
        Apply(KtInteraction.From(evt), priors, null);
    }

    internal void Apply(KtInteraction interaction, KtPriors priors, HeldOutCounts? exclude)
    {
        var correct = interaction.Correct;
        var y = correct ? 1.0 : 0.0;
        var expected = priors.ItemRate(interaction.Item, interaction.Skills, exclude);
        var first = Attempts == 0;
        var eloError = y - EloCorrect(interaction.Skills, expected);
        Ability += EloStep / (1 + EloStepDecay * Attempts) * eloError;

        RecentFast = first ? y : RecentFast + FastDecay * (y - RecentFast);
        RecentSlow = first ? y : RecentSlow + SlowDecay * (y - RecentSlow);
        RecentResidual = first ? y - expected : RecentResidual + FastDecay * (y - expected - RecentResidual);
        Residual += y - expected;
        Streak = NextStreak(Streak, correct);
        LastCorrect = correct;

        foreach (var skill in interaction.Skills)
        {
            if (!Skills.TryGetValue(skill, out var s))
            {
                s = new SkillKnowledge { Mastery = priors.Bkt(skill).Init };
                Skills[skill] = s;
            }
            s.Recent = s.Attempts == 0 ? y : s.Recent + FastDecay * (y - s.Recent);
            s.Attempts++;
            if (correct) s.Correct++;
            s.Streak = NextStreak(s.Streak, correct);
            s.LastCorrect = correct;
            s.LastStep = Attempts + 1;
            s.Residual += y - expected;
            s.Mastery = priors.Bkt(skill).Update(s.Mastery, correct);
            s.Ability += EloStep / (1 + EloStepDecay * (s.Attempts - 1)) * eloError;
        }

        if (!Items.TryGetValue(interaction.Item, out var item))
        {
            item = new ItemKnowledge();
            Items[interaction.Item] = item;
        }
        item.Attempts++;
        if (correct) item.Correct++;
        item.LastCorrect = correct;

        Attempts++;
        if (correct) Correct++;
        LastItem = interaction.Item;
        LastSkills = [.. interaction.Skills];
    }

    /// <summary>
    /// BKT estimate of P(correct) on each skill given (the learner's posterior, or the skill's prior
    /// before any answer). This is the cold-start mastery; a trained model refines it with
    /// <see cref="KnowledgeTracingModel.MasteryBySkill"/>.
    /// </summary>
    public IReadOnlyDictionary<string, double> BktMasteryBySkill(IEnumerable<string> skills, KtPriors priors)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(priors);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            var p = priors.Bkt(skill);
            result[skill] = p.PCorrect(Skills.TryGetValue(skill, out var s) ? s.Mastery : p.Init);
        }
        return result;
    }

    /// <summary>Elo's P(correct) on an item of expected success <paramref name="itemRate"/> tagged with <paramref name="skills"/>.</summary>
    internal double EloCorrect(IReadOnlyList<string> skills, double itemRate)
    {
        double skillAbility = 0;
        foreach (var skill in skills)
        {
            if (Skills.TryGetValue(skill, out var s)) skillAbility += s.Ability;
        }
        if (skills.Count > 0) skillAbility /= skills.Count;
        var p = Math.Clamp(itemRate, 0.01, 0.99);
        return 1 / (1 + Math.Exp(-(Ability + skillAbility + Math.Log(p / (1 - p)))));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LearnerKnowledgeState FromJson(string json) =>
        JsonSerializer.Deserialize<LearnerKnowledgeState>(json, Json) ?? new LearnerKnowledgeState();

    private static int NextStreak(int streak, bool correct) =>
        correct ? (streak > 0 ? streak + 1 : 1) : (streak < 0 ? streak - 1 : -1);
}
