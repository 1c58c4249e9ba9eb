#!/usr/bin/env python3
"""Generate a large, realistic `aws iam get-account-authorization-details` file for benchmarks.

Deterministic (seeded). Shapes follow the AWS CLI's JSON output: UserDetailList, GroupDetailList,
RoleDetailList, Policies with PolicyVersionList (documents as JSON objects, several versions per
policy, one default), attached managed and inline policies, URL-free documents as the CLI prints.

    scripts/generate-authz-details.py --users 5000 --roles 20000 --policies 5000 --groups 200 -o big.json
"""
import argparse
import json
import random
import datetime

SERVICES = {
    "s3": ["GetObject", "PutObject", "ListBucket", "DeleteObject", "GetBucketPolicy", "PutBucketPolicy"],
    "ec2": ["DescribeInstances", "RunInstances", "TerminateInstances", "CreateTags", "DescribeSecurityGroups"],
    "iam": ["PassRole", "CreatePolicyVersion", "AttachUserPolicy", "GetRole", "ListRoles", "CreateAccessKey"],
    "lambda": ["CreateFunction", "InvokeFunction", "UpdateFunctionCode", "GetFunction"],
    "dynamodb": ["GetItem", "PutItem", "Query", "Scan", "DeleteItem"],
    "kms": ["Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey"],
    "logs": ["CreateLogStream", "PutLogEvents", "DescribeLogGroups"],
    "sts": ["AssumeRole", "GetCallerIdentity"],
    "sqs": ["SendMessage", "ReceiveMessage", "DeleteMessage"],
    "cloudformation": ["CreateStack", "DescribeStacks", "UpdateStack"],
}


def iso(rng):
    start = datetime.datetime(2018, 1, 1, tzinfo=datetime.timezone.utc)
    return (start + datetime.timedelta(seconds=rng.randrange(0, 8 * 365 * 86400))).strftime("%Y-%m-%dT%H:%M:%SZ")


def statement(rng, account):
    service = rng.choice(list(SERVICES))
    roll = rng.random()
    if roll < 0.03:
        actions = "*"
    elif roll < 0.15:
        actions = f"{service}:*"
    else:
        actions = [f"{service}:{a}" for a in rng.sample(SERVICES[service], rng.randint(1, min(4, len(SERVICES[service]))))]
    resource = "*" if rng.random() < 0.5 else f"arn:aws:{service}:us-east-1:{account}:resource/{rng.randrange(10**6)}*"
    st = {"Effect": "Allow" if rng.random() < 0.92 else "Deny", "Action": actions, "Resource": resource}
    if rng.random() < 0.1:
        st["Condition"] = {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    if rng.random() < 0.3:
        st["Sid"] = f"S{rng.randrange(10**6)}"
    return st


def document(rng, account):
    return {"Version": "2012-10-17", "Statement": [statement(rng, account) for _ in range(rng.randint(1, 6))]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("--roles", type=int, default=20000)
    parser.add_argument("--policies", type=int, default=5000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--account", default="123456789012")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    account = args.account

    policies = []
    for i in range(args.policies):
        versions = rng.randint(1, 4)
        default = rng.randint(1, versions)
        policies.append({
            "PolicyName": f"policy-{i}", "PolicyId": f"ANPA{i:016d}", "Arn": f"arn:aws:iam::{account}:policy/policy-{i}",
            "Path": "/", "DefaultVersionId": f"v{default}", "AttachmentCount": 0, "PermissionsBoundaryUsageCount": 0,
            "IsAttachable": True, "CreateDate": iso(rng), "UpdateDate": iso(rng),
            "PolicyVersionList": [
                {"Document": document(rng, account), "VersionId": f"v{v}", "IsDefaultVersion": v == default, "CreateDate": iso(rng)}
                for v in range(1, versions + 1)
            ],
        })

    def attached(count):
        return [{"PolicyName": p["PolicyName"], "PolicyArn": p["Arn"]} for p in rng.sample(policies, count)]

    groups = [{
        "Path": "/", "GroupName": f"group-{i}", "GroupId": f"AGPA{i:016d}", "Arn": f"arn:aws:iam::{account}:group/group-{i}",
        "CreateDate": iso(rng), "GroupPolicyList": [{"PolicyName": f"inline-{i}", "PolicyDocument": document(rng, account)}] if rng.random() < 0.3 else [],
        "AttachedManagedPolicies": attached(rng.randint(0, 3)),
    } for i in range(args.groups)]

    users = [{
        "Path": "/", "UserName": f"user-{i}", "UserId": f"AIDA{i:016d}", "Arn": f"arn:aws:iam::{account}:user/user-{i}",
        "CreateDate": iso(rng), "GroupList": [g["GroupName"] for g in rng.sample(groups, rng.randint(0, 3))],
        "AttachedManagedPolicies": attached(rng.randint(0, 2)),
        "UserPolicyList": [{"PolicyName": f"u-inline-{i}", "PolicyDocument": document(rng, account)}] if rng.random() < 0.2 else [],
        "Tags": [{"Key": "team", "Value": rng.choice(["plant", "mes", "scada", "it"])}],
    } for i in range(args.users)]

    roles = []
    for i in range(args.roles):
        principal = rng.choice([{"Service": "lambda.amazonaws.com"}, {"Service": "ec2.amazonaws.com"},
                                {"AWS": f"arn:aws:iam::{rng.randrange(10**11, 10**12)}:root"}, {"AWS": "*"}])
        trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}]}
        roles.append({
            "Path": "/service-role/" if rng.random() < 0.3 else "/", "RoleName": f"role-{i}", "RoleId": f"AROA{i:016d}",
            "Arn": f"arn:aws:iam::{account}:role/role-{i}", "CreateDate": iso(rng), "AssumeRolePolicyDocument": trust,
            "InstanceProfileList": [], "RolePolicyList": [{"PolicyName": f"r-inline-{i}", "PolicyDocument": document(rng, account)}] if rng.random() < 0.4 else [],
            "AttachedManagedPolicies": attached(rng.randint(0, 3)), "Tags": [], "RoleLastUsed": {"LastUsedDate": iso(rng), "Region": "us-east-1"} if rng.random() < 0.6 else {},
        })

    with open(args.output, "w") as out:
        json.dump({"UserDetailList": users, "GroupDetailList": groups, "RoleDetailList": roles, "Policies": policies}, out, indent=4)


if __name__ == "__main__":
    main()
