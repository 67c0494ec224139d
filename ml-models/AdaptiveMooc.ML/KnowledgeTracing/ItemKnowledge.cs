namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>A learner's earlier answers to one item.</summary>
public sealed class ItemKnowledge
{
    public int Attempts { get; set; }

    public int Correct { get; set; }

    public bool LastCorrect { get; set; }
}
