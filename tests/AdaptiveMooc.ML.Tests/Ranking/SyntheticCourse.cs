using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.ML.Tests.Ranking;

/// <summary>Small generated courses for ranking tests.</summary>
internal static class SyntheticCourse
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static LearningEvent Click(string learner, string lesson, int day, int count, string course = "c1") =>
        new(learner, course, lesson, null, LearningVerb.Experienced, Start.AddDays(day).AddHours(9), null, null, null, [], count);

    /// <summary>Random learners clicking random lessons on random days (no structure).</summary>
    public static RankingCourseData Random(int seed, int learners, int lessons, int maxDay)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, lessons)
            .Select(i => new RankingCandidate($"l{i}", i % 3 == 0 ? "oucontent" : "resource", i % 4 == 0 ? i / 2 : null))
            .ToList();
        var events = new List<LearningEvent>();
        for (var l = 0; l < learners; l++)
        {
            var days = Enumerable.Range(-5, maxDay + 5).Where(_ => random.NextDouble() < 0.3).ToList();
            foreach (var day in days)
            {
                var uses = random.Next(1, 5);
                for (var u = 0; u < uses; u++)
                {
                    events.Add(Click($"u{l}", $"l{random.Next(lessons)}", day, random.Next(1, 6)));
                }
            }
        }

        // Arrival order must not matter to the protocol.
        return new RankingCourseData("c1", candidates, Start, [.. events.OrderBy(_ => random.Next())]);
    }

    /// <summary>
    /// A course with structure a ranker can learn: each active day a learner opens the home page, the
    /// lesson planned for the week, and, often, the lesson they used last time again.
    /// </summary>
    public static RankingCourseData Structured(int seed, int learners, string courseId = "c1")
    {
        var random = new Random(seed);
        const int Weeks = 12;
        var candidates = new List<RankingCandidate> { new("home", "homepage") };
        for (var w = 0; w < Weeks; w++)
        {
            candidates.Add(new RankingCandidate($"w{w}-a", "oucontent", w));
            candidates.Add(new RankingCandidate($"w{w}-b", "resource", w));
            candidates.Add(new RankingCandidate($"w{w}-quiz", "quiz", w));
        }

        for (var x = 0; x < 20; x++)
        {
            candidates.Add(new RankingCandidate($"extra{x}", "url"));
        }

        var events = new List<LearningEvent>();
        for (var l = 0; l < learners; l++)
        {
            string? last = null;
            for (var day = 0; day < Weeks * 7; day++)
            {
                if (random.NextDouble() > 0.25)
                {
                    continue;
                }

                var week = day / 7;
                events.Add(Click($"u{l}", "home", day, 1 + random.Next(3), courseId));
                var lesson = random.NextDouble() < 0.6 ? $"w{week}-a" : $"w{week}-b";
                events.Add(Click($"u{l}", lesson, day, 1 + random.Next(5), courseId));
                if (last is not null && random.NextDouble() < 0.5)
                {
                    events.Add(Click($"u{l}", last, day, 1, courseId));
                }

                if (random.NextDouble() < 0.3)
                {
                    events.Add(Click($"u{l}", $"extra{random.Next(20)}", day, 1, courseId));
                }

                last = lesson;
            }
        }

        return new RankingCourseData(courseId, candidates, Start, events);
    }
}
