using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Tests.Oulad;

public sealed class LabelRuleTests
{
    private static OuladRegistration Registration(int id, int? registered, int? unregistered, string result) =>
        new(id, "AAA", "2013J", registered, unregistered, result, 0, 60);

    [Theory]
    [InlineData("Pass", null, false, false)]
    [InlineData("Distinction", null, false, false)]
    [InlineData("Fail", null, false, true)]
    [InlineData("Withdrawn", null, true, true)]
    [InlineData("Withdrawn", 40, true, true)]
    [InlineData("Pass", 40, true, true)]
    [InlineData("Fail", 200, true, true)]
    public void Withdrawn_is_the_final_result_or_an_unregistration_date(string result, int? unregistered, bool withdrawn, bool atRisk)
    {
        var registration = Registration(1, -10, unregistered, result);

        Assert.Equal(withdrawn, RiskTarget.Withdrawn.Label(registration));
        Assert.Equal(atRisk, RiskTarget.AtRisk.Label(registration));
    }

    [Theory]
    [InlineData(-30, null, true)]
    [InlineData(27, null, true)]
    [InlineData(28, null, false)]
    [InlineData(40, null, false)]
    [InlineData(null, null, true)]
    [InlineData(-5, 27, false)]
    [InlineData(-5, 28, true)]
    public void Population_at_a_cutoff_is_registered_before_it_and_not_unregistered_before_it(int? registered, int? unregistered, bool inPopulation)
    {
        Assert.Equal(inPopulation, Registration(1, registered, unregistered, "Pass").EnrolledAt(28));
    }

    [Fact]
    public void Risk_samples_leave_out_registrations_dated_on_or_after_the_cutoff()
    {
        var presentation = new OuladPresentation("AAA", "2013J", 200);
        var schedule = new CourseSchedule(presentation.CourseId, presentation.StartDate, [], new Dictionary<string, double>());
        var table = new[]
        {
            Registration(1, -10, null, "Pass"),
            Registration(2, 27, null, "Pass"),
            Registration(3, 28, null, "Pass"),
            Registration(4, 35, null, "Withdrawn"),
            Registration(5, -3, 20, "Withdrawn"),
            Registration(6, -3, 60, "Pass"),
        };
        var histories = table.Select(r => new OuladLearnerHistory(r, [])).ToList();

        var samples = OuladFeatureExtractor.RiskSamples(schedule, presentation, histories, [28]);

        Assert.Equal([1, 2, 6], samples.Select(s => s.Registration.StudentId));
        Assert.Equal([false, false, true], samples.Select(s => RiskTarget.Withdrawn.Label(s.Registration)));
    }
}
