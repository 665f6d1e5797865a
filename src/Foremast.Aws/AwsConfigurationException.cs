using Foremast.Workflows.Execution;
namespace Foremast.Aws;

/// <summary>AWS cannot be reached as configured (unknown profile, no subnet or VPC to deploy into): a one-line, final error.</summary>
public sealed class AwsConfigurationException(string message) : PermanentExecutorException(message);
