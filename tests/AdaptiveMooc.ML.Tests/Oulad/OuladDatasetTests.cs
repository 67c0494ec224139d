using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.ML.Tests.Oulad;

public sealed class OuladDatasetTests : IDisposable
{
    private readonly OuladFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Presentation_id_selects_every_module_of_that_presentation()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("2013J"));

        Assert.Equal(["AAA-2013J", "BBB-2013J"], dataset.Presentations.Select(p => p.Key));
        Assert.Equal(["BBB-2013B"], OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("BBB-2013B")).Presentations.Select(p => p.Key));
        Assert.Equal(3, OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("2013B, 2013J")).Presentations.Count);
    }

    [Fact]
    public void Course_ids_and_calendar_follow_the_documented_mapping()
    {
        var dataset = OuladDataset.Load(_fixture.Directory);
        var aaa = dataset.Presentations.Single(p => p.Key == "AAA-2013J");
        var bbbB = dataset.Presentations.Single(p => p.Key == "BBB-2013B");

        Assert.Equal("oulad-aaa-2013j", aaa.CourseId);
        Assert.Equal(new DateTimeOffset(2013, 10, 1, 0, 0, 0, TimeSpan.Zero), aaa.StartDate);
        Assert.Equal(new DateTimeOffset(2013, 2, 1, 0, 0, 0, TimeSpan.Zero), bbbB.StartDate);
        Assert.Equal(100, aaa.LengthDays);
    }

    [Fact]
    public void Registration_metadata_joins_registration_and_info_tables()
    {
        var dataset = OuladDataset.Load(_fixture.Directory);
        var aaa = dataset.Presentations.Single(p => p.Key == "AAA-2013J");
        var registrations = dataset.RegistrationsOf(aaa);

        Assert.Equal([1, 2, 3], registrations.Select(r => r.StudentId));
        var first = registrations[0];
        Assert.Equal(("Pass", -10, (int?)null), (first.FinalResult, first.RegistrationDay!.Value, first.UnregistrationDay));
        var withdrawn = registrations[1];
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(1, withdrawn.PreviousAttempts);
        Assert.True(withdrawn.RegisteredAt(15));
        Assert.False(withdrawn.RegisteredAt(16));
        Assert.Null(registrations[2].RegistrationDay);
        Assert.True(registrations[2].AtRisk);

        var schedule = dataset.ScheduleOf(aaa);
        Assert.Equal(["assessment-1", "assessment-2", "assessment-3"], schedule.Assessments.Select(a => a.LessonId));
        Assert.Equal(("TMA", 20), (schedule.Assessments[0].Kind, schedule.Assessments[0].DueDay!.Value));
        Assert.Null(schedule.Assessments[2].DueDay);
        Assert.Equal(1, schedule.CountDueBefore(40));
    }

    [Fact]
    public async Task Clicks_and_own_submissions_become_time_ordered_learning_events()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("AAA-2013J"));
        var aaa = dataset.Presentations.Single();
        var histories = await dataset.HistoriesAsync(aaa);
        var start = aaa.StartDate;

        var first = histories.Single(h => h.Registration.StudentId == 1).Events;
        Assert.Equal(
            [
                (LearningVerb.Experienced, "100", -3, 2),
                (LearningVerb.Experienced, "100", 0, 1),
                (LearningVerb.Experienced, "101", 0, 5),
                (LearningVerb.Passed, "assessment-1", 18, 1),
                (LearningVerb.Failed, "assessment-2", 22, 1),
                (LearningVerb.Experienced, "100", 25, 4),
            ],
            first.Select(e => (e.Verb, e.LessonId!, (int)(e.Timestamp - start).TotalDays, e.Count)));
        Assert.All(first, e => Assert.Equal(("1", "oulad-aaa-2013j"), (e.LearnerId, e.CourseId)));
        Assert.Equal(0.8, first[3].ScoreScaled!.Value, 9);
        Assert.True(first[3].Success);
        Assert.False(first[4].Success);

        // Banked result (student 2) is not evidence about this presentation.
        Assert.Equal([LearningVerb.Experienced], histories.Single(h => h.Registration.StudentId == 2).Events.Select(e => e.Verb));

        var unscored = histories.Single(h => h.Registration.StudentId == 3).Events[^1];
        Assert.Equal((LearningVerb.Completed, (double?)null, (bool?)null), (unscored.Verb, unscored.ScoreScaled, unscored.Success));
    }

    [Fact]
    public async Task A_presentation_without_click_partition_still_lists_its_registrations()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("BBB-2013B"));
        var histories = await dataset.HistoriesAsync(dataset.Presentations.Single());

        Assert.Equal([4], histories.Select(h => h.Registration.StudentId));
        Assert.Empty(histories[0].Events);
    }
}
