using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Tests.KnowledgeTracing;

public sealed class KtDatasetAdapterTests
{
    [Fact]
    public void Akt_merges_consecutive_rows_of_one_problem_into_one_answer()
    {
        // problem 10 tagged with skills 1 and 2 (two rows), then 11, then 10 again later (a new answer).
        var records = KtFileReader.Read(new StringReader("7,700\n10,10,11,10\n1,2,1,1\n1,1,0,0\n"), KtFormat.Akt);
        var events = KtDatasetAdapter.ToEvents(records, KtFormat.Akt, "f").ToList();

        Assert.Equal(3, events.Count);
        Assert.Equal("problem:10", events[0].ItemId);
        Assert.Equal(["1", "2"], events[0].Skills);
        Assert.True(events[0].Success);
        Assert.Equal("problem:11", events[1].ItemId);
        Assert.Equal("problem:10", events[2].ItemId);
        Assert.Equal(["1"], events[2].Skills);
        Assert.False(events[2].Success);
        Assert.All(events, e => Assert.Equal(LearningVerb.Answered, e.Verb));
        Assert.All(events, e => Assert.Equal("f#0:7", e.LearnerId));
        Assert.True(events[0].Timestamp < events[1].Timestamp && events[1].Timestamp < events[2].Timestamp);
    }

    [Fact]
    public void Akt_merge_keeps_the_first_rows_answer_and_each_skill_once()
    {
        var records = KtFileReader.Read(new StringReader("1\n5,5,5\n3,4,3\n0,1,1\n"), KtFormat.Akt);
        var single = Assert.Single(KtDatasetAdapter.ToEvents(records, KtFormat.Akt, "f"));
        Assert.False(single.Success);
        Assert.Equal(["3", "4"], single.Skills);
    }

    [Fact]
    public void Three_line_formats_keep_rows_as_stored_with_the_skill_as_item()
    {
        var records = KtFileReader.Read(new StringReader("3\n4,4,9\n1,1,0\n2\n4,4\n0,1\n"), KtFormat.Dkvmn);
        var events = KtDatasetAdapter.ToEvents(records, KtFormat.Dkvmn, "train.csv").ToList();

        Assert.Equal(5, events.Count);
        Assert.Equal("skill:4", events[0].ItemId);
        Assert.Equal("skill:4", events[1].ItemId);
        Assert.Equal(["9"], events[2].Skills);
        Assert.Equal("train.csv#0", events[0].LearnerId);
        Assert.Equal("train.csv#1", events[3].LearnerId);
    }
}
