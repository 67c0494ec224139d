using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.ML.Tests.Ranking;

public sealed class LearnerRankingStateTests
{
    [Fact]
    public void Tracks_days_clicks_and_the_previous_day()
    {
        var state = new LearnerRankingState();
        state.Apply("a", 1, 3);
        state.Apply("b", 1, 1);
        state.Apply("a", 1, 2);
        state.Apply("a", 4, 1);

        Assert.Equal(2, state.ActiveDays);
        Assert.Equal(4, state.CurrentDay);
        Assert.Equal(1, state.PreviousDay);
        var a = state.IndexOf("a");
        Assert.Equal(2, state.DaysAt(a));
        Assert.Equal(6, state.ClicksAt(a));
        Assert.Equal(1, state.LastDayClicksAt(a));
        Assert.Equal(2, state.PreviousDayCount);
        Assert.Equal("a", state.PreviousDayLessonAt(0));
        Assert.Equal(5, state.PreviousDayClicksAt(0));
    }

    [Fact]
    public void Stays_bounded_and_evicts_the_least_recently_used_lesson()
    {
        var state = new LearnerRankingState(capacity: 4);
        for (var i = 0; i < 100; i++)
        {
            state.Apply($"l{i}", i, 1);
        }

        Assert.Equal(4, state.Count);
        Assert.Equal(-1, state.IndexOf("l95"));
        Assert.True(state.IndexOf("l96") >= 0);
        Assert.True(state.IndexOf("l99") >= 0);
        Assert.Equal(100, state.ActiveDays);
    }

    [Fact]
    public void Late_events_count_on_the_current_day()
    {
        var state = new LearnerRankingState();
        state.Apply("a", 5, 1);
        state.Apply("b", 2, 1);

        Assert.Equal(1, state.ActiveDays);
        Assert.Equal(5, state.LastDayAt(state.IndexOf("b")));
    }

    [Fact]
    public void Snapshot_round_trip_continues_identically()
    {
        var course = SyntheticCourse.Random(seed: 3, learners: 1, lessons: 90, maxDay: 200);
        var events = course.Events
            .Select(e => (Lesson: e.LessonId!, Day: CourseDay.Of(e.Timestamp, course.Start), e.Count))
            .OrderBy(e => e.Day)
            .ToList();
        var continuous = new LearnerRankingState();
        var restored = new LearnerRankingState();
        for (var i = 0; i < events.Count; i++)
        {
            if (i == events.Count / 2)
            {
                restored = LearnerRankingState.FromSnapshot(restored.ToSnapshot());
            }

            continuous.Apply(events[i].Lesson, events[i].Day, events[i].Count);
            restored.Apply(events[i].Lesson, events[i].Day, events[i].Count);
        }

        Assert.Equal(continuous.ToSnapshot().Lessons, restored.ToSnapshot().Lessons);
        Assert.Equal(continuous.ToSnapshot().Clicks, restored.ToSnapshot().Clicks);
        Assert.Equal(continuous.ToSnapshot().PreviousDayLessons, restored.ToSnapshot().PreviousDayLessons);
        Assert.Equal(continuous.ActiveDays, restored.ActiveDays);
    }
}
