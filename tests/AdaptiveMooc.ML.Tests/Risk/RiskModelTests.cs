using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Tests.Risk;

public sealed class RiskModelTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "risk-model-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Same_seed_same_data_gives_the_same_scores()
    {
        var (x, y) = Synthetic(600, seed: 3);

        var a = RiskModel.Train(x, y, new RiskModelInfo("at-risk", [28], "synthetic"), seed: 11);
        var b = RiskModel.Train(x, y, new RiskModelInfo("at-risk", [28], "synthetic"), seed: 11);

        Assert.Equal(x.Select(v => a.Score(v).Risk), x.Select(v => b.Score(v).Risk));
    }

    [Fact]
    public void Scores_come_with_reason_codes_and_survive_save_and_load()
    {
        var (x, y) = Synthetic(600, seed: 5);
        var model = RiskModel.Train(x, y, new RiskModelInfo("at-risk", [28], "synthetic"));
        var inactive = x.Where((_, i) => y[i]).First();

        var score = model.Score(inactive);
        model.Save(_directory, "risk");
        var loaded = RiskModel.Load(_directory, "risk");

        Assert.InRange(score.Risk, 0, 1);
        Assert.NotEmpty(score.Reasons);
        Assert.Contains(score.Reasons, r => r.Code is "inactive-recently" or "low-recent-activity" or "low-activity-vs-cohort");
        Assert.All(score.Reasons, r => Assert.True(r.Contribution > 0 && r.Text.Length > 0));
        Assert.Equal(score.Risk, loaded.Score(inactive).Risk, 6);
        Assert.Equal(score.Reasons.Select(r => r.Code), loaded.Score(inactive).Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Learners_inactive_for_longer_score_higher()
    {
        var (x, y) = Synthetic(600, seed: 9);
        var model = RiskModel.Train(x, y, new RiskModelInfo("at-risk", [28], "synthetic"));

        var active = (float[])x[0].Clone();
        active[RiskFeatures.DaysSinceLastActive] = 1;
        active[RiskFeatures.RecencyPercentile] = 0.1f;
        var gone = (float[])active.Clone();
        gone[RiskFeatures.DaysSinceLastActive] = 25;
        gone[RiskFeatures.RecencyPercentile] = 0.95f;

        Assert.True(model.Score(gone).Risk > model.Score(active).Risk);
    }

    [Fact]
    public void Reasons_say_what_the_learner_declared_or_has_not_done_yet()
    {
        var f = Enumerable.Repeat(float.NaN, RiskFeatures.Count).ToArray();
        f[RiskFeatures.StudyHours] = 31.3f;
        var contributions = new float[RiskFeatures.Count];
        contributions[RiskFeatures.StudyHours] = 0.4f;
        contributions[RiskFeatures.MeanScore] = 0.2f;

        var reasons = RiskReasons.Top(f, contributions, 3);

        Assert.Equal(["heavy-study-load", "low-scores"], reasons.Select(r => r.Code));
        Assert.Equal(["declared 31.3 h of study a week across all courses", "no scored assessment yet"], reasons.Select(r => r.Text));
        f[RiskFeatures.MeanScore] = 0.3f;
        Assert.StartsWith("mean score 0.3,", RiskReasons.Top(f, contributions, 3)[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missed_assessments_are_only_called_missed_when_something_was_due()
    {
        var f = Enumerable.Repeat(float.NaN, RiskFeatures.Count).ToArray();
        var contributions = new float[RiskFeatures.Count];
        contributions[RiskFeatures.Submitted] = 0.3f;
        string Text() => Assert.Single(RiskReasons.Top(f, contributions, 3)).Text;

        (f[RiskFeatures.DueBefore], f[RiskFeatures.Submitted], f[RiskFeatures.Missed]) = (0, 0, 0);
        Assert.Equal("no assessment submitted yet (none due so far)", Text());
        (f[RiskFeatures.DueBefore], f[RiskFeatures.Submitted], f[RiskFeatures.Missed]) = (2, 1, 1);
        Assert.Equal("1 of 2 assessments due so far not submitted", Text());
    }

    /// <summary>Label driven by recency: learners away for more than two weeks are mostly positives.</summary>
    private static (List<float[]> X, List<bool> Y) Synthetic(int n, int seed)
    {
        var random = new Random(seed);
        var x = new List<float[]>();
        var y = new List<bool>();
        for (var i = 0; i < n; i++)
        {
            var f = new float[RiskFeatures.Count];
            for (var j = 0; j < f.Length; j++)
            {
                f[j] = (float)random.NextDouble();
            }

            f[RiskFeatures.Day] = 28;
            f[RiskFeatures.DaysSinceLastActive] = random.Next(0, 28);
            f[RiskFeatures.RecencyPercentile] = f[RiskFeatures.DaysSinceLastActive] / 28f;
            x.Add(f);
            y.Add(f[RiskFeatures.DaysSinceLastActive] > 14 ? random.NextDouble() < 0.85 : random.NextDouble() < 0.1);
        }

        return (x, y);
    }
}
