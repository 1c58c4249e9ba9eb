#!/usr/bin/env python3
"""Seed a large, realistic-looking AWS account into a moto server, for live-scan benchmarks.

    scripts/seed-bench-account.py --endpoint http://127.0.0.1:PORT [--users 2000] [--buckets 2000]
        [--regions us-east-1,eu-west-1] [--workers 16] [--seed 20261127]

The spread (all chosen by a seeded RNG, so two runs build the same account):
- users: about a third with a console password (most of those with a virtual MFA device, a few
  without), 0-2 access keys (some inactive), inline policies (a few allow "*" on "*"), attached
  AWS managed and customer managed policies, group memberships, tags;
- a dozen groups, a few dozen roles (service, cross-account, one trusting "*"), customer managed
  policies, an account password policy;
- buckets: SSE-S3 / SSE-KMS / no default encryption, full, partial or no public access block,
  policies (TLS-only, cross-account, a few public), a few public ACLs, access logging to a log
  bucket per region, versioning, tags; spread round-robin over --regions;
- two CloudTrail trails (one multi-region, validated, KMS-encrypted, logging; one regional,
  stopped), a Config recorder with its delivery channel, two KMS keys per region.

moto's own IDs (user IDs, key IDs, KMS key IDs) still come from moto's random generator and the
thread pool's order; names, counts and every setting are fixed by --seed.

Start moto with MOTO_IAM_LOAD_MANAGED_POLICIES=true (scripts/moto-server.sh does): the seed
attaches AWS managed policies. Nothing here is a credential: moto's account 123456789012 and
throwaway passwords. Prints counts and seconds per phase on stdout.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

ACCOUNT = "123456789012"
PARTNER = "210987654321"
HOME = "us-east-1"
AWS_MANAGED = ["ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "IAMUserChangePassword", "SecurityAudit"]
GROUPS = ["admins", "developers", "analysts", "ops", "security", "finance", "support", "data",
          "ml", "contractors", "auditors", "billing"]


def doc(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(action, resource="*") -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": resource}


class Seeder:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.regions = [r for r in args.regions.split(",") if r]
        session = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=HOME
        )
        # One client per service and region, shared by the pool (clients are thread-safe).
        cfg = Config(max_pool_connections=args.workers, retries={"max_attempts": 5, "mode": "standard"})
        make = lambda service, region=HOME: session.client(  # noqa: E731
            service, region_name=region, endpoint_url=args.endpoint, config=cfg
        )
        self.iam = make("iam")
        self.s3 = {r: make("s3", r) for r in self.regions}
        self.kms = {r: make("kms", r) for r in self.regions}
        self.cloudtrail, self.config = make("cloudtrail"), make("config")
        self.counts: dict[str, int] = {}
        self.key_arns: dict[str, list[str]] = {}
        self.customer_policies: list[str] = []

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n  # only called from the main thread

    def phase(self, name: str, work) -> None:
        start = time.monotonic()
        work()
        print(f"seed: {name} in {time.monotonic() - start:.1f} s", flush=True)

    def parallel(self, task, plans: list) -> None:
        """Runs task(plan) for every plan on the pool; the first failure stops the seed."""
        with ThreadPoolExecutor(self.args.workers) as pool:
            for _ in pool.map(task, plans):
                pass

    # ---------------------------------------------------------------- KMS, account, groups, roles

    def seed_kms(self) -> None:
        for region in self.regions:
            arns = []
            for purpose in ("data", "audit"):
                meta = self.kms[region].create_key(Description=f"bench {purpose} key")["KeyMetadata"]
                if purpose == "audit":
                    self.kms[region].enable_key_rotation(KeyId=meta["KeyId"])
                arns.append(meta["Arn"])
            self.key_arns[region] = arns
            self.count("kms keys", len(arns))

    def seed_iam_shared(self) -> None:
        self.iam.update_account_password_policy(
            MinimumPasswordLength=self.rng.choice([8, 14]), RequireSymbols=True, RequireNumbers=True,
            MaxPasswordAge=90, PasswordReusePrevention=24,
        )
        for i in range(30):
            actions = self.rng.choice([["s3:GetObject", "s3:ListBucket"], ["ec2:Describe*"],
                                       ["iam:PassRole", "lambda:*"], ["*"], ["kms:Decrypt"]])
            arn = self.iam.create_policy(PolicyName=f"bench-policy-{i:02d}",
                                         PolicyDocument=doc(allow(actions)))["Policy"]["Arn"]
            self.customer_policies.append(arn)
        self.count("customer managed policies", 30)
        for name in GROUPS:
            self.iam.create_group(GroupName=name)
            attached = ["AdministratorAccess"] if name == "admins" else self.rng.sample(AWS_MANAGED, 2)
            for policy in attached:
                self.iam.attach_group_policy(GroupName=name, PolicyArn=f"arn:aws:iam::aws:policy/{policy}")
            if self.rng.random() < 0.5:
                self.iam.put_group_policy(GroupName=name, PolicyName="extra",
                                          PolicyDocument=doc(allow("sts:AssumeRole")))
        self.count("groups", len(GROUPS))
        trusts = [{"Service": "lambda.amazonaws.com"}, {"Service": "ec2.amazonaws.com"},
                  {"AWS": f"arn:aws:iam::{PARTNER}:root"}, {"AWS": "*"}]
        for i in range(40):
            principal = trusts[3] if i == 0 else self.rng.choice(trusts[:3])
            trust = doc({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"})
            self.iam.create_role(RoleName=f"bench-role-{i:02d}", AssumeRolePolicyDocument=trust)
            self.iam.attach_role_policy(RoleName=f"bench-role-{i:02d}",
                                        PolicyArn=self.rng.choice(self.customer_policies))
            if self.rng.random() < 0.3:
                self.iam.put_role_policy(RoleName=f"bench-role-{i:02d}", PolicyName="inline",
                                         PolicyDocument=doc(allow("s3:*")))
        self.count("roles", 40)

    # ---------------------------------------------------------------- users

    def plan_user(self, i: int) -> dict:
        r = self.rng.random
        console = r() < 0.35
        return {
            "name": f"bench-user-{i:05d}",
            "console": console,
            "mfa": r() < (0.7 if console else 0.05),
            "keys": [r() >= 0.1 for _ in range(self.rng.choices([0, 1, 2], [25, 60, 15])[0])],
            "inline": [allow("*") if r() < 0.03 else allow(["s3:GetObject"], "arn:aws:s3:::bench-*")
                       for _ in range(self.rng.choices([0, 1, 2], [75, 20, 5])[0])],
            "attached": (["arn:aws:iam::aws:policy/AdministratorAccess"] if r() < 0.03 else [])
            + [f"arn:aws:iam::aws:policy/{p}" for p in self.rng.sample(AWS_MANAGED, self.rng.choice([0, 0, 1, 2]))]
            + self.rng.sample(self.customer_policies, self.rng.choice([0, 0, 1])),
            "groups": self.rng.sample(GROUPS, self.rng.choices([0, 1, 2], [40, 45, 15])[0]),
            "tags": [{"Key": "team", "Value": self.rng.choice(GROUPS)}] if r() < 0.6 else [],
        }

    def create_user(self, p: dict) -> None:
        iam, name = self.iam, p["name"]
        iam.create_user(UserName=name, **({"Tags": p["tags"]} if p["tags"] else {}))
        if p["console"]:
            iam.create_login_profile(UserName=name, Password="Bench-Throwaway-1!")
        if p["mfa"]:
            serial = iam.create_virtual_mfa_device(VirtualMFADeviceName=name)["VirtualMFADevice"]["SerialNumber"]
            iam.enable_mfa_device(UserName=name, SerialNumber=serial,
                                  AuthenticationCode1="123456", AuthenticationCode2="654321")
        for active in p["keys"]:
            key = iam.create_access_key(UserName=name)["AccessKey"]["AccessKeyId"]
            if not active:
                iam.update_access_key(UserName=name, AccessKeyId=key, Status="Inactive")
        for n, statement in enumerate(p["inline"]):
            iam.put_user_policy(UserName=name, PolicyName=f"inline-{n}", PolicyDocument=doc(statement))
        for arn in p["attached"]:
            iam.attach_user_policy(UserName=name, PolicyArn=arn)
        for group in p["groups"]:
            iam.add_user_to_group(GroupName=group, UserName=name)

    def seed_users(self) -> None:
        plans = [self.plan_user(i) for i in range(self.args.users)]
        self.parallel(self.create_user, plans)
        self.count("users", len(plans))
        for what, key in (("console logins", "console"), ("MFA devices", "mfa")):
            self.count(what, sum(p[key] for p in plans))
        self.count("access keys", sum(len(p["keys"]) for p in plans))
        self.count("user inline policies", sum(len(p["inline"]) for p in plans))
        self.count("user policy attachments", sum(len(p["attached"]) for p in plans))

    # ---------------------------------------------------------------- buckets

    def log_bucket(self, region: str) -> str:
        return f"bench-access-logs-{region}"

    def create_bucket(self, name: str, region: str) -> None:
        extra = {} if region == HOME else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        self.s3[region].create_bucket(Bucket=name, **extra)

    def plan_bucket(self, i: int) -> dict:
        r, region = self.rng.random, self.regions[i % len(self.regions)]
        name = f"bench-bucket-{i:05d}"
        policy = self.rng.choices(["none", "tls", "partner", "public"], [50, 38, 7, 5])[0]
        public_acl = policy == "none" and r() < 0.03
        public = policy == "public" or public_acl
        return {
            "name": name, "region": region, "policy": policy,
            "acl": "public-read" if public_acl else None,
            "encryption": self.rng.choices([None, "AES256", "aws:kms"], [20, 50, 30])[0],
            # A public bucket cannot keep a blocking PAB; the others: full, partial or none.
            "pab": None if public else self.rng.choices(["full", "partial", None], [60, 20, 20])[0],
            "logging": r() < 0.3, "versioning": self.rng.choices([None, "Enabled", "Suspended"], [40, 50, 10])[0],
            "tags": [{"Key": "env", "Value": self.rng.choice(["prod", "staging", "dev"])}] if r() < 0.7 else [],
        }

    def bucket_policy(self, p: dict) -> str:
        arn = f"arn:aws:s3:::{p['name']}"
        if p["policy"] == "public":
            return doc({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"{arn}/*"})
        if p["policy"] == "partner":
            return doc({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{PARTNER}:root"},
                        "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": [arn, f"{arn}/*"]})
        return doc({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": [arn, f"{arn}/*"],
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}}})

    def configure_bucket(self, p: dict) -> None:
        s3, name = self.s3[p["region"]], p["name"]
        self.create_bucket(name, p["region"])
        if p["policy"] != "none":
            s3.put_bucket_policy(Bucket=name, Policy=self.bucket_policy(p))
        if p["acl"]:
            s3.put_bucket_acl(Bucket=name, ACL=p["acl"])
        if p["encryption"]:
            default = {"SSEAlgorithm": p["encryption"]}
            if p["encryption"] == "aws:kms":
                default["KMSMasterKeyID"] = self.key_arns[p["region"]][0]
            s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": default}]})
        if p["pab"]:
            full = p["pab"] == "full"
            s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
                "BlockPublicAcls": True, "IgnorePublicAcls": full,
                "BlockPublicPolicy": True, "RestrictPublicBuckets": full})
        if p["logging"]:
            s3.put_bucket_logging(Bucket=name, BucketLoggingStatus={"LoggingEnabled": {
                "TargetBucket": self.log_bucket(p["region"]), "TargetPrefix": f"{name}/"}})
        if p["versioning"]:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": p["versioning"]})
        if p["tags"]:
            s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": p["tags"]})

    def seed_buckets(self) -> None:
        for region in self.regions:  # logging targets first
            self.create_bucket(self.log_bucket(region), region)
            self.s3[region].put_bucket_acl(Bucket=self.log_bucket(region), ACL="log-delivery-write")
        plans = [self.plan_bucket(i) for i in range(max(0, self.args.buckets - len(self.regions) - 1))]
        self.parallel(self.configure_bucket, plans)
        self.count("buckets", len(plans) + len(self.regions))
        self.count("public buckets", sum(p["policy"] == "public" or p["acl"] is not None for p in plans))
        self.count("buckets without default encryption", sum(p["encryption"] is None for p in plans))

    # ---------------------------------------------------------------- audit logging

    def seed_audit(self) -> None:
        trail_bucket = "bench-cloudtrail-logs"  # counted in --buckets
        self.create_bucket(trail_bucket, HOME)
        self.count("buckets")
        ct = self.cloudtrail
        ct.create_trail(Name="bench-org-trail", S3BucketName=trail_bucket, IsMultiRegionTrail=True,
                        EnableLogFileValidation=True, KmsKeyId=self.key_arns[HOME][1])
        ct.start_logging(Name="bench-org-trail")
        ct.create_trail(Name="bench-legacy-trail", S3BucketName=trail_bucket, S3KeyPrefix="legacy")
        self.count("trails", 2)
        self.config.put_configuration_recorder(ConfigurationRecorder={
            "name": "default",
            "roleARN": f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
            "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
        self.config.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": trail_bucket})
        self.config.start_configuration_recorder(ConfigurationRecorderName="default")
        self.count("config recorders", 1)

    def seed(self) -> None:
        start = time.monotonic()
        self.phase("KMS keys", self.seed_kms)
        self.phase("account, policies, groups, roles", self.seed_iam_shared)
        self.phase(f"{self.args.users} users", self.seed_users)
        self.phase("trails and Config", self.seed_audit)
        self.phase(f"{self.args.buckets} buckets", self.seed_buckets)
        for what, n in self.counts.items():
            print(f"seeded {n:6d} {what}")
        print(f"seeded in {time.monotonic() - start:.1f} s ({self.args.workers} workers, "
              f"regions {','.join(self.regions)})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="moto server URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--buckets", type=int, default=2000, help="total, including log and trail buckets")
    parser.add_argument("--regions", default=HOME, help="comma-separated; buckets go round-robin")
    parser.add_argument("--workers", type=int, default=16, help="concurrent requests to moto")
    parser.add_argument("--seed", type=int, default=20261127, help="RNG seed: same seed, same account")
    args = parser.parse_args()
    if args.users < 0 or args.buckets < 0 or args.workers < 1:
        parser.error("--users and --buckets must be >= 0, --workers >= 1")
    Seeder(args).seed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
