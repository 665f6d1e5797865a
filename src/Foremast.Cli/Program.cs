using Foremast.Cli;
using Foremast.Cli.Extensions;

// Only commands that execute stages (infra, diff, autoscaling) ask for the AWS registrations, so the others never load
// Foremast.Aws and the AWS SDK (cold start, docs/performance.md).
return ForemastApp.Create(args, AwsRegistrations.Configure).Run(args);
