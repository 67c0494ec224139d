using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Tests.KnowledgeTracing;

public sealed class KtFileReaderTests
{
    [Fact]
    public void Three_line_records_tolerate_trailing_commas_blank_lines_and_crlf()
    {
        var text = "3\r\n7,7,12,\r\n1,0,1,\r\n\r\n\n1\n5\n0\n\n";
        var records = KtFileReader.Read(new StringReader(text), KtFormat.Piech);

        Assert.Equal(2, records.Count);
        Assert.Equal(["7", "7", "12"], records[0].SkillIds);
        Assert.Equal([true, false, true], records[0].Correct);
        Assert.Null(records[0].User);
        Assert.Equal(["5"], records[1].SkillIds);
        Assert.Equal([false], records[1].Correct);
        Assert.Equal(1, records[1].Index);
    }

    [Fact]
    public void Four_line_records_carry_user_problems_and_skills()
    {
        var text = "891,78276\n7410,7410,10076\n15,16,15\n0,0,1\n12,555\n3,\n4,\n1,\n";
        var records = KtFileReader.Read(new StringReader(text), KtFormat.Akt);

        Assert.Equal(2, records.Count);
        Assert.Equal("891", records[0].User);
        Assert.Equal(["7410", "7410", "10076"], records[0].ProblemIds!);
        Assert.Equal(["15", "16", "15"], records[0].SkillIds);
        Assert.Equal([false, false, true], records[0].Correct);
        Assert.Equal("12", records[1].User);
    }

    [Fact]
    public void A_length_that_disagrees_with_the_rows_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => KtFileReader.Read(new StringReader("3\n1,2\n1,0\n"), KtFormat.Dkvmn));
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_other_than_0_or_1_is_an_error()
    {
        Assert.Throws<FormatException>(() => KtFileReader.Read(new StringReader("2\n1,2\n1,2\n"), KtFormat.Dkvmn));
    }

    [Fact]
    public void A_truncated_record_is_an_error()
    {
        Assert.Throws<FormatException>(() => KtFileReader.Read(new StringReader("u1\n1,2\n3,4\n"), KtFormat.Akt));
    }
}
