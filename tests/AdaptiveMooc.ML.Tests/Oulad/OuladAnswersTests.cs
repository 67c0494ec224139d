using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.ML.Tests.Oulad;

public sealed class OuladAnswersTests : IDisposable
{
    private readonly OuladFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Own_scored_submissions_become_answers_and_banked_or_unscored_ones_do_not()
    {
        var answers = OuladAnswers.Events(OuladDataset.Load(_fixture.Directory))
            .OrderBy(e => e.CourseId, StringComparer.Ordinal).ThenBy(e => e.Timestamp).ToList();

        Assert.Equal(
            [
                ("1", "oulad-aaa-2013j", "assessment-1", "oulad-aaa-tma", true, 18),
                ("1", "oulad-aaa-2013j", "assessment-2", "oulad-aaa-cma", false, 22),
                ("1", "oulad-bbb-2013j", "assessment-10", "oulad-bbb-tma", true, 29),
            ],
            answers.Select(a => (a.LearnerId, a.CourseId, a.ItemId!, a.Skills.Single(), a.Success!.Value, (int)(a.Timestamp - new DateTimeOffset(2013, 10, 1, 0, 0, 0, TimeSpan.Zero)).TotalDays)));
        Assert.All(answers, a => Assert.Equal(LearningVerb.Answered, a.Verb));
        Assert.Equal(0.3, answers[1].ScoreScaled);
    }
}
