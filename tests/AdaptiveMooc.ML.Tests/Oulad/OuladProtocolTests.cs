using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Tests.Oulad;

public sealed class OuladProtocolTests : IDisposable
{
    private readonly OuladFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Risk_population_excludes_registrations_ended_before_the_cutoff()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("AAA-2013J"));

        var samples = await OuladFeatureExtractor.RiskSamplesAsync(dataset, [15, 16]);

        Assert.Equal([1, 2, 3], samples.Where(s => s.Cutoff == 15).Select(s => s.Registration.StudentId));
        Assert.Equal([1, 3], samples.Where(s => s.Cutoff == 16).Select(s => s.Registration.StudentId));
    }

    [Fact]
    public async Task Risk_features_see_only_records_dated_before_the_cutoff()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("AAA-2013J"));

        var first = (await OuladFeatureExtractor.RiskSamplesAsync(dataset, [20])).Single(s => s.Registration.StudentId == 1).Features;

        // Day −3, 0, 0 clicks (2 + 1 + 5) and the day-18 submission; the day-22 submission and day-25 clicks come later.
        Assert.Equal(Math.Log(9), first[RiskFeatures.LogClicks], 5);
        Assert.Equal(2, first[RiskFeatures.ActiveDays]);
        Assert.Equal(1, first[RiskFeatures.Submitted]);
        Assert.Equal(0.8, first[RiskFeatures.MeanScore], 5);
        Assert.Equal(-2, first[RiskFeatures.MeanLateness]);
        Assert.Equal(20, first[RiskFeatures.DaysSinceLastActive]);
        Assert.Equal(0, first[RiskFeatures.FailedCount]);
    }

    [Fact]
    public async Task Studied_credits_become_the_weekly_study_hours_declared_at_enrolment()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("AAA-2013J"));

        var samples = (await OuladFeatureExtractor.RiskSamplesAsync(dataset, [10])).ToDictionary(s => s.Registration.StudentId, s => s.Features);

        // 10 notional hours per credit over the presentation's 100 days (14.3 weeks): 60 → 42, 120 → 84;
        // 240 credits would be 168 h a week, capped at what a learner can declare.
        Assert.Equal(100f, samples[1][RiskFeatures.StudyHours]);
        Assert.Equal(42f, samples[2][RiskFeatures.StudyHours]);
        Assert.Equal(84f, samples[3][RiskFeatures.StudyHours]);
    }

    [Fact]
    public void Training_rows_have_the_study_load_blanked_one_in_four_without_touching_the_callers_rows()
    {
        var rows = Enumerable.Range(0, 400).Select(i => Enumerable.Repeat((float)i, RiskFeatures.Count).ToArray()).ToList();

        var blanked = RiskFeatures.WithUndeclaredStudyHours(rows);

        var missing = blanked.Count(r => float.IsNaN(r[RiskFeatures.StudyHours]));
        Assert.Equal(rows.Count / RiskFeatures.UndeclaredShare, missing);
        Assert.Equal(missing, blanked.Zip(rows).Count(p => !ReferenceEquals(p.First, p.Second)));
        Assert.All(rows, r => Assert.False(float.IsNaN(r[RiskFeatures.StudyHours])));
        Assert.All(blanked, r => Assert.Equal(r[0], r[RiskFeatures.StudyHours] is var h && float.IsNaN(h) ? r[0] : h));
        Assert.Equal(blanked.Select(r => float.IsNaN(r[RiskFeatures.StudyHours])), RiskFeatures.WithUndeclaredStudyHours(rows).Select(r => float.IsNaN(r[RiskFeatures.StudyHours])));
    }

    [Fact]
    public async Task Features_at_a_cutoff_do_not_change_when_later_records_are_removed()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("AAA-2013J"));
        var presentation = dataset.Presentations.Single();
        var histories = await dataset.HistoriesAsync(presentation);
        var truncated = histories
            .Select(h => h with { Events = [.. h.Events.Where(e => (e.Timestamp - presentation.StartDate).TotalDays < 20)] })
            .ToList();

        var full = OuladFeatureExtractor.RiskSamples(dataset.ScheduleOf(presentation), presentation, histories, [20]);
        var cut = OuladFeatureExtractor.RiskSamples(dataset.ScheduleOf(presentation), presentation, truncated, [20]);

        Assert.Equal(full.Select(s => s.Features), cut.Select(s => s.Features));
    }

    [Fact]
    public async Task Pacing_pairs_drop_banked_unregistered_and_already_submitted_pairs()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("AAA-2013J"));

        var pairs = await OuladFeatureExtractor.PacingPairsAsync(dataset);

        // Student 2: banked TMA, unregistered before the CMA's prediction day. Student 1 submitted the
        // CMA (due 40) on day 22, before its prediction day 33.
        Assert.Equal(
            [(1, 1, 13, (int?)-2, false), (3, 1, 13, -1, false), (3, 2, 33, null, true)],
            pairs.Select(p => (p.Registration.StudentId, p.Assessment.Id, p.PredictionDay, p.Lateness, p.LateOrMissing)));
        Assert.All(pairs, p => Assert.Equal(0, p.Position));
    }

    [Fact]
    public void Same_assessment_position_counts_within_its_type_by_deadline()
    {
        var assessments = new[]
        {
            new OuladAssessment(5, "X", "2013J", "CMA", 30, 0),
            new OuladAssessment(4, "X", "2013J", "TMA", 40, 20),
            new OuladAssessment(3, "X", "2013J", "TMA", 10, 20),
            new OuladAssessment(2, "X", "2013J", "CMA", 10, 0),
            new OuladAssessment(1, "X", "2013J", "Exam", null, 100),
        };

        var paced = OuladFeatureExtractor.PacedAssessments(assessments);

        Assert.Equal([(2, 0), (3, 0), (5, 1), (4, 1)], paced.Select(p => (p.Assessment.Id, p.Position)));
    }
}
