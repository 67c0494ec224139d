namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>The published knowledge-tracing file layouts the project reads.</summary>
public enum KtFormat
{
    /// <summary>4 lines per student: user; problem ids; skill ids; 0/1 (AKT's <c>*_pid</c> files).</summary>
    Akt,

    /// <summary>3 lines per student: length; skill ids; 0/1 (DKVMN's split).</summary>
    Dkvmn,

    /// <summary>3 lines per student, same as <see cref="Dkvmn"/> (DKT paper split, trailing commas).</summary>
    Piech,
}
