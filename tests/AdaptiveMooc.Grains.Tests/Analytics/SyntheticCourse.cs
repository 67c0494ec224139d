using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Analytics;
using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>
/// An OULAD-shaped presentation: a fixed start date, resources visited on most days by engaged learners,
/// assignments due on days 19 and 47 and a quiz due on day 26, and a cohort whose engagement varies from
/// learner to learner, so cohort percentiles mean something.
/// </summary>
internal static class SyntheticCourse
{
    public static readonly DateOnly Start = new(2026, 2, 2);

    public static DateTimeOffset Day(int day, int hour = 0) => new DateTimeOffset(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(day).AddHours(hour);

    public static CourseDefinition Course(string id) => new(
        id, "Synthetic presentation", "computing", null, "en", new Pricing(Pricing.Free), null, Start,
        [
            new ModuleDefinition("m1", "Weeks 1-4",
            [
                new LessonDefinition("r1", "Week 1 notes", LessonKinds.Reading, 30),
                new LessonDefinition("r2", "Week 2 video", LessonKinds.Video, 20),
                new LessonDefinition("r3", "Week 3 notes", LessonKinds.Reading, 30),
                new LessonDefinition("tma1", "TMA 1", LessonKinds.Assignment, 120, DueDay: 19),
                new LessonDefinition("cma1", "CMA 1", LessonKinds.Quiz, 30, DueDay: 26),
                new LessonDefinition("tma2", "TMA 2", LessonKinds.Assignment, 120, DueDay: 47),
            ]),
        ]);

    /// <summary>
    /// What a learner does in the first <paramref name="days"/> days: on each day active with probability
    /// <paramref name="dailyActivity"/> (until <paramref name="quitsOn"/>), a few resource statements; each
    /// assessment due before they quit submitted on time with a score around <paramref name="skill"/>.
    /// </summary>
    public static List<AnalyticsFact> Facts(string learnerId, string courseId, Random random, int days, double dailyActivity, double skill, int quitsOn = int.MaxValue)
    {
        var facts = new List<AnalyticsFact>();
        for (var day = -5; day < days && day < quitsOn; day++)
        {
            if (random.NextDouble() >= dailyActivity)
            {
                continue;
            }

            for (var k = random.Next(1, 8); k > 0; k--)
            {
                facts.Add(Fact(learnerId, courseId, Day(day, random.Next(8, 22)), $"r{random.Next(1, 4)}", LearningVerb.Experienced));
            }
        }

        foreach (var (lesson, due) in new[] { ("tma1", 19), ("cma1", 26), ("tma2", 47) })
        {
            if (due - 2 < days && due - 2 < quitsOn)
            {
                var score = Math.Clamp(skill + ((random.NextDouble() - 0.5) * 0.2), 0, 1);
                facts.Add(Fact(learnerId, courseId, Day(due - 2, 20), lesson, score >= 0.4 ? LearningVerb.Passed : LearningVerb.Failed, score));
            }
        }

        return facts;
    }

    public static AnalyticsFact Fact(string learnerId, string courseId, DateTimeOffset at, string lessonId, LearningVerb verb, double? score = null) =>
        new(Guid.NewGuid(), learnerId, courseId, at, lessonId, verb is LearningVerb.Passed, score, null, [], verb.ToString(), null, score);

    public static LearnerAnalyticsRow Row(string learnerId, DateTimeOffset enrolledAt, IEnumerable<AnalyticsFact> facts)
    {
        var row = new LearnerAnalyticsRow { LearnerId = learnerId, EnrolledAt = enrolledAt };
        foreach (var fact in facts)
        {
            AnalyticsRowRules.Apply(row, fact);
        }

        return row;
    }
}
