namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>Attempts and correct answers (a success rate's numerator and denominator).</summary>
public sealed class KtCount
{
    public int Attempts { get; set; }

    public int Correct { get; set; }

    public void Add(bool correct)
    {
        Attempts++;
        if (correct) Correct++;
    }
}
