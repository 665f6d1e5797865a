namespace Foremast.Aws.Safety;

/// <summary>One AWS request as seen on the wire: which service, which operation, and whether it changes anything.</summary>
public sealed record AwsCall(string Service, string Operation, bool Mutating);
