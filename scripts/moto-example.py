#!/usr/bin/env python3
"""What the README's main job needs around `foremast run` on moto (AWS_ENDPOINT_URL, see scripts/services.sh).

  seed FILE       creates what an account that ran Foremast/Spinnaker already has for examples/ (idempotent: a second
                  call finds everything and creates nothing):
                  - per region (us-east-1, us-west-2): the VPC named `vpc`, subnets tagged immutable_metadata
                    {purpose: internal|external, target: ec2|elb} in zones a and b, the security groups `bastion`
                    (base.default_securitygroup_rules) and `office` (base.default_ec2_securitygroups), and the base
                    image the bake resolves for `base: tomcat8` (an image named tomcat8 owned by the account);
                  - a public and a private hosted zone for each env's DNS domain ({env}.example.com), the private one
                    associated with both regions' VPCs;
                  - the IAM server certificate `webshop-example` that prod's HTTPS listener names;
                  - an access key per env's account (moto tells accounts apart by access key), written to FILE (a
                    shared credentials file) as a profile named after the env, which is where Foremast looks first.
  play-builders   stands in for the bake builder's own user data: moto never runs user data, so a builder never
                  powers itself off. Until killed, stops every running instance tagged foremast:bake (BakeTags.Builder)
                  and prints one line per instance it stopped.
  cmdb PORT       the CMDB that dev's completion webhook ("Notify CMDB", http://127.0.0.1:45661/deployed) calls:
                  answers 200 to every POST and prints what it received.
  snapshot FILE   writes the example's infrastructure (IAM, security groups, load balancers, DNS records, buckets)
                  and its compute (images, server groups, scaling policies) as JSON, for comparing two runs.
  summary FILE    prints a snapshot's images, server groups and scaling policies; exit 1 when no server group exists.
  compare A B     prints what changed between two snapshots; exit 1 if anything but images and server groups changed.
"""
import datetime
import json
import os
import sys
import time

import boto3

REGIONS = ["us-east-1", "us-west-2"]
ENVS = ["dev", "stage", "prod"]
# One account per env, as examples/lookups.json names them. moto keeps accounts apart by the access key a request is signed
# with; this script speaks for an account with moto's x-moto-account-id header instead.
ACCOUNTS = {"dev": "111111111111", "stage": "222222222222", "prod": "333333333333"}
DOMAIN = "example.com"
APP = "webshopacme"
CERTIFICATE = "webshop-example"
CIDR = {"us-east-1": "10.40", "us-west-2": "10.41"}
ZONES = ["a", "b"]
SUBNETS = [("internal", "ec2", 0), ("internal", "elb", 10), ("external", "elb", 20), ("external", "ec2", 30)]
GROUPS = {"bastion": "bastion hosts (seeded for the example)", "office": "office network (seeded for the example)"}
BUILDER_TAG = "foremast:bake"


def client(service, region="us-east-1", env="dev"):
    made = boto3.client(service, region_name=region, endpoint_url=os.environ["AWS_ENDPOINT_URL"])
    account = ACCOUNTS[env]
    made.meta.events.register("before-sign.*.*", lambda request, **_: request.headers.__setitem__("x-moto-account-id", account))
    return made


def say(message):
    print(f"seed: {message}", flush=True)


def seed_region(env, region):
    ec2 = client("ec2", region, env)
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": ["vpc"]}])["Vpcs"]
    if vpcs:
        vpc = vpcs[0]["VpcId"]
    else:
        vpc = ec2.create_vpc(CidrBlock=f"{CIDR[region]}.0.0/16")["Vpc"]["VpcId"]
        ec2.create_tags(Resources=[vpc], Tags=[{"Key": "Name", "Value": "vpc"}])
        say(f"{env} {region}: created VPC vpc ({vpc})")
    existing = {s["CidrBlock"] for s in ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"]}
    for purpose, target, offset in SUBNETS:
        for i, zone in enumerate(ZONES):
            cidr = f"{CIDR[region]}.{offset + i}.0/24"
            if cidr in existing:
                continue
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=region + zone)["Subnet"]["SubnetId"]
            metadata = json.dumps({"purpose": purpose, "target": target})
            ec2.create_tags(Resources=[subnet], Tags=[{"Key": "immutable_metadata", "Value": metadata}])
            say(f"{env} {region}: created subnet {subnet} {cidr} {purpose}/{target}")
    for name, description in GROUPS.items():
        found = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": [name]}])
        if not found["SecurityGroups"]:
            group = ec2.create_security_group(GroupName=name, Description=description, VpcId=vpc)["GroupId"]
            say(f"{env} {region}: created security group {name} ({group})")
    images = ec2.describe_images(Owners=["self"], Filters=[{"Name": "name", "Values": ["tomcat8"]}])["Images"]
    if not images:
        image = ec2.register_image(Name="tomcat8", Description="base image for base: tomcat8 (seeded for the example)",
                                   RootDeviceName="/dev/xvda", Architecture="x86_64", VirtualizationType="hvm")["ImageId"]
        say(f"{env} {region}: registered base image tomcat8 ({image})")
    return vpc


def seed_zones(env, vpcs):
    route53 = client("route53", env=env)
    if True:
        name = f"{env}.{DOMAIN}."
        zones = [z for z in route53.list_hosted_zones_by_name(DNSName=name)["HostedZones"] if z["Name"] == name]
        if not any(not z["Config"]["PrivateZone"] for z in zones):
            zone = route53.create_hosted_zone(Name=name, CallerReference=f"example-{env}-public")["HostedZone"]["Id"]
            say(f"created public hosted zone {name} ({zone})")
        if not any(z["Config"]["PrivateZone"] for z in zones):
            first, *others = list(vpcs.items())
            zone = route53.create_hosted_zone(Name=name, CallerReference=f"example-{env}-private",
                                              VPC={"VPCRegion": first[0], "VPCId": first[1]},
                                              HostedZoneConfig={"PrivateZone": True})["HostedZone"]["Id"]
            for region, vpc in others:
                route53.associate_vpc_with_hosted_zone(HostedZoneId=zone, VPC={"VPCRegion": region, "VPCId": vpc})
            say(f"created private hosted zone {name} ({zone}) for the VPCs of {', '.join(vpcs)}")


def seed_credentials(path):
    """A profile per env (Foremast's convention: the profile named after the env) holding an access key of that env's account."""
    import configparser
    profiles = configparser.ConfigParser()
    profiles.read(path)
    for env in ENVS:
        iam = client("iam", env=env)
        user = "foremast-example"
        if user not in [u["UserName"] for u in iam.list_users()["Users"]]:
            iam.create_user(UserName=user)
        keys = [k["AccessKeyId"] for k in iam.list_access_keys(UserName=user)["AccessKeyMetadata"]]
        if profiles.has_section(env) and profiles[env].get("aws_access_key_id") in keys:
            continue
        key = iam.create_access_key(UserName=user)["AccessKey"]
        profiles[env] = {"aws_access_key_id": key["AccessKeyId"], "aws_secret_access_key": key["SecretAccessKey"]}
        say(f"{env}: access key {key['AccessKeyId']} of account {ACCOUNTS[env]} in profile {env} of {path}")
    with open(path, "w") as out:
        profiles.write(out)


def seed_certificate():
    iam = client("iam", env="prod")
    names = [c["ServerCertificateName"] for c in iam.list_server_certificates()["ServerCertificateMetadataList"]]
    if CERTIFICATE in names:
        return
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"*.prod.{DOMAIN}")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=365)).sign(key, hashes.SHA256()))
    arn = iam.upload_server_certificate(
        ServerCertificateName=CERTIFICATE,
        CertificateBody=cert.public_bytes(serialization.Encoding.PEM).decode(),
        PrivateKey=key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                     serialization.NoEncryption()).decode(),
    )["ServerCertificateMetadata"]["Arn"]
    say(f"uploaded IAM server certificate {CERTIFICATE} ({arn})")


def seed(credentials):
    seed_credentials(credentials)
    for env in ENVS:
        vpcs = {region: seed_region(env, region) for region in REGIONS}
        seed_zones(env, vpcs)
    seed_certificate()
    say("the accounts have what examples/ expects (VPC, subnets, bastion/office groups, tomcat8 image, zones, certificate)")


def play_builders():
    clients = {(env, region): client("ec2", region, env) for env in ENVS for region in REGIONS}
    while True:
        for (env, region), ec2 in clients.items():
            try:
                found = ec2.describe_instances(Filters=[{"Name": "tag-key", "Values": [BUILDER_TAG]},
                                                        {"Name": "instance-state-name", "Values": ["running"]}])
            except Exception as error:  # moto not up yet, or going down at the end of the job
                print(f"example: bake builder stand-in: {error}", file=sys.stderr, flush=True)
                continue
            ids = [i["InstanceId"] for r in found["Reservations"] for i in r["Instances"]]
            if ids:
                ec2.stop_instances(InstanceIds=ids)
                print(f"example: moto runs no user data, so the job stops bake builder {', '.join(ids)} in {env} {region} "
                      f"as its install script would when done", flush=True)
        time.sleep(0.5)


def cmdb(port):
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode(errors="replace")
            print(f"example: the CMDB stand-in received POST {self.path} {body}", flush=True)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    HTTPServer(("127.0.0.1", port), Handler).serve_forever()


def snapshot(path):
    state = {"infrastructure": {}, "compute": {}}
    infra, compute = state["infrastructure"], state["compute"]
    for env in ENVS:
        iam = client("iam", env=env)
        roles = sorted(r["RoleName"] for r in iam.list_roles()["Roles"])
        infra[f"{env} roles"] = {r: sorted(iam.list_role_policies(RoleName=r)["PolicyNames"]) for r in roles}
        infra[f"{env} instance_profiles"] = sorted(
            f"{p['InstanceProfileName']}: {','.join(r['RoleName'] for r in p['Roles'])}" for p in iam.list_instance_profiles()["InstanceProfiles"])
        infra[f"{env} iam_groups"] = sorted(g["GroupName"] for g in iam.list_groups()["Groups"])
        infra[f"{env} buckets"] = sorted(b["Name"] for b in client("s3", env=env).list_buckets()["Buckets"])
        records = {}
        route53 = client("route53", env=env)
        for zone in route53.list_hosted_zones()["HostedZones"]:
            kind = "private" if zone["Config"]["PrivateZone"] else "public"
            for record in route53.list_resource_record_sets(HostedZoneId=zone["Id"])["ResourceRecordSets"]:
                if record["Type"] not in ("SOA", "NS"):
                    records[f"{kind} {record['Name']} {record['Type']}"] = record.get("ResourceRecords") or record.get("AliasTarget")
        infra[f"{env} dns_records"] = records
        for region in REGIONS:
            where = f"{env} {region}"
            ec2 = client("ec2", region, env)
            infra[f"{where} security_groups"] = {
                g["GroupName"]: sorted(json.dumps(p, sort_keys=True) for p in g["IpPermissions"])
                for g in ec2.describe_security_groups()["SecurityGroups"] if g["GroupName"] not in ("default", *GROUPS)}
            infra[f"{where} load_balancers"] = {
                lb["LoadBalancerName"]: {"scheme": lb["Scheme"], "listeners": [d["Listener"] for d in lb["ListenerDescriptions"]],
                                         "health": lb["HealthCheck"]}
                for lb in client("elb", region, env).describe_load_balancers()["LoadBalancerDescriptions"]}
            compute[f"{where} images"] = sorted(i["Name"] for i in ec2.describe_images(Owners=["self"])["Images"] if i["Name"] != "tomcat8")
            autoscaling = client("autoscaling", region, env)
            compute[f"{where} server_groups"] = sorted(
                f"{g['AutoScalingGroupName']} ({len([i for i in g['Instances'] if i['HealthStatus'] == 'Healthy'])} healthy)"
                if g["Instances"] else f"{g['AutoScalingGroupName']} (disabled, 0 instances)"
                for g in autoscaling.describe_auto_scaling_groups()["AutoScalingGroups"])
            compute[f"{where} scaling_policies"] = sorted(p["PolicyName"] for p in autoscaling.describe_policies()["ScalingPolicies"])
    with open(path, "w") as out:
        json.dump(state, out, indent=1, sort_keys=True, default=str)


def summary(path):
    with open(path) as f:
        state = json.load(f)
    for key, value in sorted(state["compute"].items()):
        print(f"example: {key}: {', '.join(value) or '-'}")
    return 0 if any(v for k, v in state["compute"].items() if k.endswith(" server_groups")) else 1


def compare(first_path, second_path):
    with open(first_path) as a, open(second_path) as b:
        first, second = json.load(a), json.load(b)
    changed_infra = [k for k in sorted(set(first["infrastructure"]) | set(second["infrastructure"]))
                     if first["infrastructure"].get(k) != second["infrastructure"].get(k)]
    for key in sorted(second["compute"]):
        old, new = set(first["compute"].get(key, [])), set(second["compute"].get(key, []))
        if new - old or old - new:
            print(f"example: second run {key}: new {', '.join(sorted(new - old)) or '-'}; gone {', '.join(sorted(old - new)) or '-'}")
    new_images = [k for k in second["compute"] if k.endswith(" images") and set(second["compute"][k]) - set(first["compute"].get(k, []))]
    new_groups = [k for k in second["compute"] if k.endswith(" server_groups") and set(second["compute"][k]) - set(first["compute"].get(k, []))]
    if not new_images or not new_groups:
        print("example: the second run baked or deployed nothing new (expected a new image and new server groups per region)")
        return 1
    if changed_infra:
        for key in changed_infra:
            print(f"example: second run changed infrastructure {key}:\n  before {first['infrastructure'].get(key)}\n  after  {second['infrastructure'].get(key)}")
        return 1
    print(f"example: second run left the infrastructure unchanged ({len(first['infrastructure'])} kinds compared: IAM, "
          f"security groups, load balancers, DNS records, buckets); only images and server groups are new")
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "seed" and len(sys.argv) == 3:
        seed(sys.argv[2])
    elif command == "play-builders":
        play_builders()
    elif command == "cmdb" and len(sys.argv) == 3:
        cmdb(int(sys.argv[2]))
    elif command == "snapshot" and len(sys.argv) == 3:
        snapshot(sys.argv[2])
    elif command == "summary" and len(sys.argv) == 3:
        sys.exit(summary(sys.argv[2]))
    elif command == "compare" and len(sys.argv) == 4:
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
