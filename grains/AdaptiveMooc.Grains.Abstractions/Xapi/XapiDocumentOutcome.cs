namespace AdaptiveMooc.Grains.Abstractions.Xapi;

public enum XapiDocumentOutcome
{
    /// <summary>Stored, or deleted (204).</summary>
    Done,

    /// <summary>An If-Match or If-None-Match header does not hold (412); nothing changed.</summary>
    PreconditionFailed,

    /// <summary>A profile PUT over an existing document without If-Match or If-None-Match (409); nothing changed.</summary>
    PreconditionRequired,

    /// <summary>A POST merge where the stored or the posted document is not a JSON object (400); nothing changed.</summary>
    NotMergeable,

    /// <summary>The context already holds <see cref="XapiDocumentWrite.MaxDocumentsPerContext"/> documents (409); nothing changed.</summary>
    ContextFull,
}
