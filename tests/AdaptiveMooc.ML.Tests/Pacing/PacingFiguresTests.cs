using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Tests.Pacing;

public sealed class PacingFiguresTests
{
    private static readonly OuladPresentation Bbb = new("BBB", "2013B", 240);

    private static OuladPacingPair Pair(int student, OuladAssessment assessment, int position, int? submitted) =>
        new(Bbb, new OuladRegistration(student, "BBB", "2013B", -5, null, "Pass", 0, 60), assessment, position, assessment.Deadline!.Value - 7, [], submitted);

    [Fact]
    public void Assessments_whose_every_submission_is_late_are_flagged_with_their_prior_key()
    {
        var cma = new OuladAssessment(1, "BBB", "2013B", "CMA", 50, 0);
        var tma = new OuladAssessment(2, "BBB", "2013B", "TMA", 60, 50);
        var pairs = new[]
        {
            Pair(1, cma, 0, 56), Pair(2, cma, 0, 52), Pair(3, cma, 0, null),
            Pair(1, tma, 0, 58), Pair(2, tma, 0, 65),
        };

        var flagged = PacingEvaluation.AllSubmissionsLate(pairs);

        var only = Assert.Single(flagged);
        Assert.Equal(("BBB|CMA|0", 2, 2, 6), (only.Context, only.Submissions, only.MinLateness, only.MaxLateness));
    }

    [Fact]
    public void Mean_per_assessment_auc_ranks_within_each_assessment_and_skips_one_class_ones()
    {
        var a = new OuladAssessment(1, "BBB", "2013B", "TMA", 50, 50);
        var b = new OuladAssessment(2, "BBB", "2013B", "TMA", 80, 50);
        var c = new OuladAssessment(3, "BBB", "2013B", "CMA", 90, 0);
        var pairs = new[]
        {
            Pair(1, a, 0, 49), Pair(2, a, 0, 55), // on time, late
            Pair(1, b, 1, 79), Pair(2, b, 1, null), // on time, missing
            Pair(1, c, 0, 95), Pair(2, c, 0, 96), // both late: one class
        };
        // Assessment a ranked right (late scored higher), b ranked wrong; c would be perfect but has one class.
        var scores = new double[] { 0.1, 0.9, 0.8, 0.2, 0.1, 0.9 };

        var (mean, scored, oneClass) = PacingEvaluation.MeanPerAssessmentAuc(pairs, scores);

        Assert.Equal((0.5, 2, 1), (mean, scored, oneClass));
    }

    [Fact]
    public void The_json_line_carries_the_contract_names_of_the_figures_to_read()
    {
        var result = new PacingEvaluationResult("2013B", "2013J", 0.91, 2.5, 0.67, 3.1, 100, 80, 20, 400, 1.0)
        {
            TmaLateAuc = 0.847,
            MeanPerAssessmentLateAuc = 0.848,
        };

        using var json = System.Text.Json.JsonDocument.Parse(
            System.Text.Json.JsonSerializer.Serialize(result, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        Assert.Equal(0.847, json.RootElement.GetProperty("lateAucTma").GetDouble());
        Assert.Equal(0.848, json.RootElement.GetProperty("meanAssessmentAuc").GetDouble());
        Assert.Equal(0.91, json.RootElement.GetProperty("lateAuc").GetDouble());
    }
}
