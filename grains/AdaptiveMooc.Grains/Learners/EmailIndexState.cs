using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Learners;

[GenerateSerializer]
[Alias("mooc.EmailIndexState")]
internal sealed class EmailIndexState
{
    [Id(0)] public EmailOwner? Owner { get; set; }
}
